package org.smsoverxmpp.webhook.http;

import java.util.List;
import java.util.Objects;

/**
 * The URL the provider called, as far as the request shows it: everything before the query exactly, and each
 * way the query may have been spelled. API Gateway REST hands the query over decoded, so its spelling is
 * lost and only candidates remain ({@link QueryStringForms}); a plain HTTP server knows it exactly.
 *
 * @param beforeQuery scheme, host, port if any, and path
 * @param queryForms  each possible spelling of the query with its leading {@code ?}; one empty form when
 *                    there is no query
 */
public record CalledUrl(String beforeQuery, List<String> queryForms) {

    public CalledUrl {
        Objects.requireNonNull(beforeQuery, "beforeQuery");
        queryForms = queryForms == null || queryForms.isEmpty() ? List.of("") : List.copyOf(queryForms);
    }

    /** A URL known exactly, query and all. */
    public static CalledUrl exactly(String url) {
        int query = url.indexOf('?');
        return query < 0 ? new CalledUrl(url, List.of(""))
                : new CalledUrl(url.substring(0, query), List.of(url.substring(query)));
    }
}
