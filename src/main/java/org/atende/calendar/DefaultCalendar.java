package org.atende.calendar;

/** The support terms' hours: Lisbon time, Monday to Friday 09:00–21:00, Portugal's public holidays closed. */
public final class DefaultCalendar {

    public static final String ZONE = "Europe/Lisbon";
    public static final String HOURS = "09:00-21:00";
    public static final String HOLIDAY_COUNTRY = "PT";

    private DefaultCalendar() {
    }

    public static BusinessCalendar.Builder builder() {
        return BusinessCalendar.builder(ZONE).openWeekdays(HOURS).holidayRule(HolidayRule.country(HOLIDAY_COUNTRY));
    }
}
