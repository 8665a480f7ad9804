package io.mensageria.wallet;

import io.mensageria.catalog.boundary.Service;
import io.mensageria.catalog.boundary.ServiceDeclaration;
import io.mensageria.events.CardAdded;

/** Wallet, declared once: what the shared components know of it. */
public final class WalletService implements ServiceDeclaration {

    public static final String NAME = "wallet";

    @Override
    public Service service() {
        return Service.named(NAME, getClass())
                .publishing(CardAdded.class)
                // Longer than accounts' /api/users, so it wins for the cards below a user.
                .serving("/api/users/{userId}/cards");
    }
}
