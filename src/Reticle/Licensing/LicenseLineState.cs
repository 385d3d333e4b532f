using System.Collections.Immutable;
using Reticle.Model;

namespace Reticle.Licensing;

/// <summary>One line of a licence on a date: what it allows, what is used, what is left, and whether it is revoked.</summary>
/// <remarks>
/// <see cref="RemainingQuantity"/> = line quantity − consumed − reserved + released, never below
/// zero (an amendment may lower the limit under what was used before it). <c>null</c> where the line
/// has no such limit (general authorisations).
/// </remarks>
public sealed record LicenseLineState
{
    public required LicenseLine Line { get; init; }
    public LicenseUsage Reserved { get; init; }
    public LicenseUsage Consumed { get; init; }
    public LicenseUsage Released { get; init; }

    /// <summary>The revocation withdrawing this line (the whole licence or the line) in effect on the date; <c>null</c> if none.</summary>
    public LicenseRevoked? Revocation { get; init; }

    /// <summary>The uses of the line known at the state's knowledge date, in the order they were recorded.</summary>
    public ImmutableArray<LicenseUse> Uses { get; init; } = [];

    /// <summary>What one order or shipment (a use's reference) holds of the line: reserved and not released, or consumed.</summary>
    public LicenseUsage HeldBy(string reference)
    {
        var held = LicenseUsage.Zero;
        foreach (var use in Uses)
        {
            if (use.Reference == reference)
            {
                held = use is LicenseReleased ? held - LicenseUsage.Of(use) : held + LicenseUsage.Of(use);
            }
        }
        return held;
    }

    /// <summary>What one order has reserved of the line and not released.</summary>
    public LicenseUsage ReservedBy(string reference)
    {
        var reserved = LicenseUsage.Zero;
        foreach (var use in Uses)
        {
            if (use.Reference == reference)
            {
                reserved = use switch
                {
                    LicenseReserved => reserved + LicenseUsage.Of(use),
                    LicenseReleased => reserved - LicenseUsage.Of(use),
                    _ => reserved,
                };
            }
        }
        return reserved;
    }

    public LicenseUsage Used => Consumed + Reserved - Released;

    public decimal? RemainingQuantity => Line.Quantity is { } limit ? Math.Max(0m, limit - Used.Quantity) : null;

    public Money? RemainingValue => Line.Value is { } limit ? limit with { Amount = Math.Max(0m, limit.Amount - Used.Value) } : null;
}
