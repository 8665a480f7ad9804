create schema wallet;

-- A card as the wallet keeps it: the gateway's token and what a person needs to recognise the card.
-- The full number is never stored: it goes to the gateway's tokenize call and nowhere else.
create table wallet.cards (
    id           uuid         primary key,
    user_id      uuid         not null,
    token        varchar(100) not null,
    brand        varchar(20)  not null,
    last4        char(4)      not null,
    holder       varchar(100) not null,
    expiry_month integer      not null,
    expiry_year  integer      not null,
    added_at     timestamptz  not null
);
create index cards_user on wallet.cards (user_id, added_at);
