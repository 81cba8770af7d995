package fr.tremplin.offers.domain;

public enum OfferStatus {
    DRAFT, PUBLISHED, UNPUBLISHED, REMOVED
}
