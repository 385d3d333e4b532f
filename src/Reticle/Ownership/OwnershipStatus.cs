namespace Reticle.Ownership;

/// <summary>What the ownership facts say of one party under one regime on one date.</summary>
public enum OwnershipStatus
{
    /// <summary>Owned 50 % or more, directly or indirectly, individually or in the aggregate, by listed parties.</summary>
    Owned,

    /// <summary>
    /// The facts held could put it at 50 % or more but do not show it (a share not stated, an owner whose own ownership is
    /// undetermined): BIS's Red Flag 29 ("cannot determine the ownership percentage"), a fact to resolve before shipping.
    /// </summary>
    Undetermined,
}
