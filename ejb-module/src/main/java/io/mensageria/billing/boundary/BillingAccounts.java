package io.mensageria.billing.boundary;

import io.mensageria.billing.entity.BillingAccount;
import io.mensageria.billing.entity.BillingCard;
import io.mensageria.events.CardAdded;
import io.mensageria.events.EventMetadata;
import io.mensageria.events.UserRegistered;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Logger;

@Stateless
public class BillingAccounts {

    private static final Logger LOG = Logger.getLogger(BillingAccounts.class.getName());

    @PersistenceContext
    EntityManager em;

    /** Handles UserRegistered, in the delivery's transaction. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void open(UserRegistered registered) {
        if (em.find(BillingAccount.class, registered.userId()) != null) {
            return;
        }
        em.persist(new BillingAccount(registered.userId(), registered.name(), OffsetDateTime.now(ZoneOffset.UTC)));
        LOG.info(() -> "Opened billing account for user " + registered.userId());
    }

    /** Handles CardAdded: keeps the card's token to charge it later. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void keepCard(CardAdded card, EventMetadata metadata) {
        if (em.find(BillingCard.class, card.cardId()) == null) {
            em.persist(new BillingCard(
                    card.cardId(),
                    card.userId(),
                    card.token(),
                    card.brand(),
                    card.last4(),
                    metadata.occurredAt().atOffset(ZoneOffset.UTC)));
            LOG.info(() -> "Billing keeps card " + card.cardId() + " of user " + card.userId());
        }
    }
}
