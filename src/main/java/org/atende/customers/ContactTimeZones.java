package org.atende.customers;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * A contact's first time zone, read from the country of their phone number (libphonenumber knows which
 * country a calling code and its leading digits belong to: +1 is the US, Canada or one of twenty-odd
 * others). The desk serves Portuguese-, Spanish- and English-speaking customers; the countries it knows
 * have their zone here. A country spread over several zones takes the zone most of its people live in,
 * refined where the number tells more: Brazil's area codes (Manaus, Cuiabá, Rio Branco…), and the landlines
 * of the Canary Islands, the Azores and Madeira. A mobile number says nothing of the region: a Spanish
 * mobile in the Canaries gets Europe/Madrid, one in the Azores Europe/Lisbon, until staff change it.
 * Countries not in the table (and the United States and Canada, whose zone the number cannot tell)
 * get the fallback: the support calendar's zone.
 */
public final class ContactTimeZones {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private static final Map<String, String> BY_COUNTRY = Map.ofEntries(
            Map.entry("PT", "Europe/Lisbon"), Map.entry("ES", "Europe/Madrid"), Map.entry("BR", "America/Sao_Paulo"),
            Map.entry("GB", "Europe/London"), Map.entry("GG", "Europe/Guernsey"), Map.entry("JE", "Europe/Jersey"),
            Map.entry("IM", "Europe/Isle_of_Man"), Map.entry("IE", "Europe/Dublin"), Map.entry("FR", "Europe/Paris"),
            Map.entry("DE", "Europe/Berlin"), Map.entry("IT", "Europe/Rome"), Map.entry("NL", "Europe/Amsterdam"),
            Map.entry("BE", "Europe/Brussels"), Map.entry("LU", "Europe/Luxembourg"), Map.entry("CH", "Europe/Zurich"),
            Map.entry("AT", "Europe/Vienna"), Map.entry("AD", "Europe/Andorra"), Map.entry("GI", "Europe/Gibraltar"),
            Map.entry("PL", "Europe/Warsaw"), Map.entry("RO", "Europe/Bucharest"), Map.entry("UA", "Europe/Kyiv"),
            Map.entry("AO", "Africa/Luanda"), Map.entry("MZ", "Africa/Maputo"), Map.entry("CV", "Atlantic/Cape_Verde"),
            Map.entry("GW", "Africa/Bissau"), Map.entry("ST", "Africa/Sao_Tome"), Map.entry("TL", "Asia/Dili"),
            Map.entry("MO", "Asia/Macau"), Map.entry("GQ", "Africa/Malabo"), Map.entry("MA", "Africa/Casablanca"),
            Map.entry("MX", "America/Mexico_City"), Map.entry("AR", "America/Argentina/Buenos_Aires"),
            Map.entry("CL", "America/Santiago"), Map.entry("CO", "America/Bogota"), Map.entry("PE", "America/Lima"),
            Map.entry("VE", "America/Caracas"), Map.entry("EC", "America/Guayaquil"), Map.entry("UY", "America/Montevideo"),
            Map.entry("PY", "America/Asuncion"), Map.entry("BO", "America/La_Paz"), Map.entry("CR", "America/Costa_Rica"),
            Map.entry("PA", "America/Panama"), Map.entry("GT", "America/Guatemala"), Map.entry("HN", "America/Tegucigalpa"),
            Map.entry("SV", "America/El_Salvador"), Map.entry("NI", "America/Managua"), Map.entry("DO", "America/Santo_Domingo"),
            Map.entry("CU", "America/Havana"), Map.entry("PR", "America/Puerto_Rico"));

    /** Brazil's area codes (DDD) outside Brasília time. */
    private static final Map<String, String> BRAZIL_AREAS = Map.ofEntries(
            Map.entry("68", "America/Rio_Branco"), Map.entry("69", "America/Porto_Velho"), Map.entry("92", "America/Manaus"),
            Map.entry("97", "America/Manaus"), Map.entry("95", "America/Boa_Vista"), Map.entry("65", "America/Cuiaba"),
            Map.entry("66", "America/Cuiaba"), Map.entry("67", "America/Campo_Grande"));

    private static final Set<String> CANARY_LANDLINES = Set.of("928", "828", "922", "822");

    private ContactTimeZones() {
    }

    /** The zone the number tells, if its country is one the desk knows. */
    public static Optional<ZoneId> fromPhone(@Nullable String phone) {
        if (phone == null || phone.isBlank()) {
            return Optional.empty();
        }
        PhoneNumber number;
        try {
            number = PHONES.parse(phone.startsWith("+") ? phone : "+" + phone, null);
        } catch (NumberParseException e) {
            return Optional.empty();
        }
        String country = PHONES.getRegionCodeForNumber(number);
        if (country == null) {
            return Optional.empty();
        }
        String national = PHONES.getNationalSignificantNumber(number);
        String zone = switch (country) {
            case "BR" -> national.length() >= 2 ? BRAZIL_AREAS.get(national.substring(0, 2)) : null;
            case "ES" -> national.length() >= 3 && CANARY_LANDLINES.contains(national.substring(0, 3)) ? "Atlantic/Canary" : null;
            case "PT" -> national.startsWith("295") || national.startsWith("296") || national.startsWith("292")
                    ? "Atlantic/Azores" : national.startsWith("291") ? "Atlantic/Madeira" : null;
            default -> null;
        };
        if (zone == null) {
            zone = BY_COUNTRY.get(country);
        }
        return zone == null ? Optional.empty() : Optional.of(ZoneId.of(zone));
    }

    /** The zone the number tells, else the fallback (the support calendar's). */
    public static ZoneId of(@Nullable String phone, ZoneId fallback) {
        return fromPhone(phone).orElse(fallback);
    }

    /** Whether the text names a time zone by its IANA id ({@code Europe/Madrid}); offsets such as {@code +01:00} are not zones. */
    public static boolean isZoneId(@Nullable String id) {
        return id != null && ZONE_IDS.contains(id.strip());
    }

    /** The region ids the JDK knows; read once, as {@code ZoneId.getAvailableZoneIds()} copies its set on every call. */
    private static final Set<String> ZONE_IDS = Set.copyOf(ZoneId.getAvailableZoneIds());
}
