package org.smsoverxmpp.infra;

import software.amazon.awscdk.services.logs.RetentionDays;

/** CloudWatch Logs retention from a number of days (validated by {@link GatewaySettings}). */
final class Retention {
    private Retention() {
    }

    static RetentionDays days(int days) {
        return switch (days) {
            case 1 -> RetentionDays.ONE_DAY;
            case 3 -> RetentionDays.THREE_DAYS;
            case 5 -> RetentionDays.FIVE_DAYS;
            case 7 -> RetentionDays.ONE_WEEK;
            case 14 -> RetentionDays.TWO_WEEKS;
            case 30 -> RetentionDays.ONE_MONTH;
            case 60 -> RetentionDays.TWO_MONTHS;
            case 90 -> RetentionDays.THREE_MONTHS;
            case 120 -> RetentionDays.FOUR_MONTHS;
            case 150 -> RetentionDays.FIVE_MONTHS;
            case 180 -> RetentionDays.SIX_MONTHS;
            case 365 -> RetentionDays.ONE_YEAR;
            case 400 -> RetentionDays.THIRTEEN_MONTHS;
            case 545 -> RetentionDays.EIGHTEEN_MONTHS;
            case 731 -> RetentionDays.TWO_YEARS;
            case 1096 -> RetentionDays.THREE_YEARS;
            case 1827 -> RetentionDays.FIVE_YEARS;
            case 2192 -> RetentionDays.SIX_YEARS;
            case 2557 -> RetentionDays.SEVEN_YEARS;
            case 2922 -> RetentionDays.EIGHT_YEARS;
            case 3288 -> RetentionDays.NINE_YEARS;
            default -> RetentionDays.TEN_YEARS;
        };
    }
}
