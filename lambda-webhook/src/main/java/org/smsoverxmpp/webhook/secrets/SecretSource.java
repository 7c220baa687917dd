package org.smsoverxmpp.webhook.secrets;

import java.time.Duration;

/**
 * Where a provider's webhook key comes from: {@link CachedSecret} in the function, a fixed value for SnapStart's
 * priming and the tests.
 *
 * @param <T> the key as the provider's check uses it, already parsed
 */
public interface SecretSource<T> {

    /** The key, re-read when the cached copy is older than the configured age. */
    T current() throws CachedSecret.UnavailableException;

    /**
     * The key, re-read first if the cached copy is older than {@code age}. After a failed check a provider asks
     * with a short age: the key may just have been rotated, and the age bounds how often forged requests can make
     * the function call Secrets Manager.
     */
    T refreshIfOlderThan(Duration age) throws CachedSecret.UnavailableException;

    /** A key that never changes. */
    static <T> SecretSource<T> fixed(T value) {
        return new SecretSource<>() {
            @Override
            public T current() {
                return value;
            }

            @Override
            public T refreshIfOlderThan(Duration age) {
                return value;
            }
        };
    }
}
