package org.atende.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;

import org.atende.identity.Identity;
import org.atende.identity.IdentityDataException;
import org.atende.identity.IdentityDataException.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapUnitTests {

    static final String PASSWORD = "s3cret-bootstrap-passphrase";

    Identity identity = mock(Identity.class);

    @Test
    void createsTheFirstAdministratorAndLogsItWithoutThePassword(CapturedOutput output) {
        when(identity.createFirstAdmin("boss@vendor.example", PASSWORD)).thenReturn(true);

        run("boss@vendor.example", PASSWORD);

        verify(identity).createFirstAdmin("boss@vendor.example", PASSWORD);
        assertThat(output).contains("Created the first administrator, boss@vendor.example").doesNotContain(PASSWORD);
    }

    @Test
    void leavesAnExistingAdministratorAlone(CapturedOutput output) {
        when(identity.createFirstAdmin(any(), any())).thenReturn(false);

        run("boss@vendor.example", PASSWORD);

        assertThat(output).contains("An active administrator exists already").doesNotContain(PASSWORD);
    }

    @Test
    void doesNothingWhenNotAsked() {
        run(null, null);
        run("", "");

        verify(identity, never()).createFirstAdmin(any(), any());
    }

    @Test
    void warnsWhenOnlyOneOfTheTwoIsSet(CapturedOutput output) {
        run(null, PASSWORD);
        run("boss@vendor.example", null);

        verify(identity, never()).createFirstAdmin(any(), any());
        assertThat(output).contains("only the password is set").contains("only the e-mail is set").doesNotContain(PASSWORD);
    }

    @Test
    void stopsTheStartWhenTheRulesRefuseTheAdministrator() {
        when(identity.createFirstAdmin(any(), any()))
                .thenThrow(IdentityDataException.invalid(List.of(new FieldError("password", "must be 12 to 128 characters"))));

        assertThatIllegalStateException().isThrownBy(() -> run("boss@vendor.example", "short-one"))
                .withMessageContaining("must be 12 to 128 characters")
                .withMessageNotContaining("short-one");
    }

    @Test
    void acceptsThatAnotherInstanceWasFaster(CapturedOutput output) {
        when(identity.createFirstAdmin(any(), any()))
                .thenThrow(IdentityDataException.conflict(List.of(new FieldError("email", "is already used by another user"))));

        run("boss@vendor.example", PASSWORD);

        assertThat(output).contains("created meanwhile");
    }

    @Test
    void neverShowsThePasswordInItsSettings() {
        assertThat(new AdminBootstrap.Settings("boss@vendor.example", PASSWORD).toString()).doesNotContain(PASSWORD);
    }

    private void run(String email, String password) {
        new AdminBootstrap(identity, new AdminBootstrap.Settings(email, password))
                .run(new DefaultApplicationArguments());
    }
}
