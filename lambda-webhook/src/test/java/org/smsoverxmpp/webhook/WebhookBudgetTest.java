package org.smsoverxmpp.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookBudgetTest {

    @Test
    void theTwoCallsTogetherTakeNoMoreThanTheBudget() {
        WebhookBudget budget = new WebhookBudget(Duration.ofMillis(5000));

        assertThat(budget.secretsCall().plus(budget.queueCall())).isEqualTo(Duration.ofMillis(5000));
        assertThat(budget.queueCall()).isEqualTo(Duration.ofMillis(3000));
        assertThat(budget.secretsCall()).isEqualTo(Duration.ofMillis(2000));
    }

    @Test
    void everyAttemptFitsItsCall() {
        WebhookBudget budget = new WebhookBudget(Duration.ofMillis(5000));

        assertThat(budget.queueAttempt().multipliedBy(WebhookBudget.QUEUE_ATTEMPTS)).isLessThanOrEqualTo(budget.queueCall());
        assertThat(budget.secretsAttempt().multipliedBy(WebhookBudget.SECRETS_ATTEMPTS))
                .isLessThanOrEqualTo(budget.secretsCall());
    }

    @Test
    void aBudgetThatWouldReachTwiliosFifteenSecondsIsRefused() {
        assertThatThrownBy(() -> new WebhookBudget(Duration.ofSeconds(15))).hasMessageContaining("between");
    }
}
