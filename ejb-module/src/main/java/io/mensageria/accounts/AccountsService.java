package io.mensageria.accounts;

import io.mensageria.catalog.boundary.Service;
import io.mensageria.catalog.boundary.ServiceDeclaration;
import io.mensageria.events.UserRegistered;

/** Accounts, declared once: what the shared components know of it. */
public final class AccountsService implements ServiceDeclaration {

    public static final String NAME = "accounts";

    @Override
    public Service service() {
        return Service.named(NAME, getClass()).publishing(UserRegistered.class).serving("/api/users", "/api/sessions");
    }
}
