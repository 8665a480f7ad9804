package io.mensageria.wallet.boundary;

import io.mensageria.cards.CardExpiry;
import io.mensageria.cards.CardNumber;
import io.mensageria.eventlog.boundary.EventLog;
import io.mensageria.events.CardAdded;
import io.mensageria.gateway.boundary.PaymentGatewayClient;
import io.mensageria.problems.boundary.RequestRejected;
import io.mensageria.wallet.WalletService;
import io.mensageria.wallet.entity.Card;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

@Stateless
public class Wallet {

    private static final Logger LOG = Logger.getLogger(Wallet.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    PaymentGatewayClient gateway;

    @Inject
    EventLog eventLog;

    /** Tokenizes the card at the gateway, keeps only the token and what identifies it, and logs CardAdded. */
    public Card addCard(UUID userId, String number, String holder, int expiryMonth, int expiryYear) {
        CardNumber cardNumber = parse(number);
        CardExpiry expiry = expiry(expiryMonth, expiryYear);
        if (expiry.isExpiredIn(YearMonth.now(ZoneOffset.UTC))) {
            throw RequestRejected.invalid("expiryYear", "The card has expired");
        }
        String token = gateway.tokenize(cardNumber, expiry);
        Card card = new Card(
                userId,
                token,
                cardNumber.brand().name(),
                cardNumber.last4(),
                holder.strip(),
                expiry.month(),
                expiry.year(),
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
        em.persist(card);
        eventLog.append(
                WalletService.NAME,
                new CardAdded(
                        userId, card.id(), token, card.brand(), card.last4(), card.expiryMonth(), card.expiryYear()));
        LOG.info(() -> "Added " + card.brand() + " card ending " + card.last4() + " for user " + userId);
        return card;
    }

    public List<Card> cardsOf(UUID userId) {
        return em.createQuery("select c from Card c where c.userId = :user order by c.addedAt", Card.class)
                .setParameter("user", userId)
                .getResultList();
    }

    private static CardNumber parse(String number) {
        try {
            return CardNumber.parse(number);
        } catch (IllegalArgumentException e) {
            throw RequestRejected.invalid("number", "The card number " + e.getMessage());
        }
    }

    private static CardExpiry expiry(int month, int year) {
        try {
            return new CardExpiry(month, year);
        } catch (IllegalArgumentException e) {
            throw RequestRejected.invalid(
                    e.getMessage().startsWith("expiryMonth") ? "expiryMonth" : "expiryYear", e.getMessage());
        }
    }
}
