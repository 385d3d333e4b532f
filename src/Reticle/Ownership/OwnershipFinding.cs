using System.Collections.Immutable;
using Reticle.Screening;

namespace Reticle.Ownership;

/// <summary>
/// A party owned 50 % or more by listed parties (or possibly so) under one regime on one date, with the proof: the
/// aggregate share held by listed or ownership-restricted owners, the listed parties the status comes from, the paths
/// to them, and a sentence ("owned 30 % by X (EL, footnote 4) and 25 % through Y, itself owned 60 % by X (EL)").
/// </summary>
/// <param name="Party">The party's name as the ownership facts spell it.</param>
/// <param name="Percent">The share held by listed and ownership-restricted owners, added up (capped at 100).</param>
/// <param name="ListedOwners">The listed parties the restriction flows from; under the most-restrictive-owner standard the
/// party takes the strictest licence requirement and review policy among them (744.11(a)(1), 744.8(a)(2)).</param>
/// <param name="Paths">Each path from the party up to one listed owner, step by step (at most <see cref="OwnershipClosure.MaxPaths"/>).</param>
/// <param name="Missing">For an undetermined party, the facts that would settle it (a share not stated, an owner's own ownership).</param>
public sealed record OwnershipFinding(
    OwnershipRegime Regime,
    string Party,
    string? Country,
    OwnershipStatus Status,
    decimal Percent,
    ImmutableArray<ListEntry> ListedOwners,
    ImmutableArray<ImmutableArray<OwnershipStep>> Paths,
    string Because,
    ImmutableArray<string> Missing);
