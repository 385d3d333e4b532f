using System.Collections.Frozen;

namespace Reticle.Ownership;

/// <summary>
/// Which listed parties pass their restrictions on to what they own 50 % or more of, and under which text.
/// </summary>
/// <remarks>
/// Both regimes aggregate the same way: an entity is restricted when the stakes held in it by listed parties and by
/// entities themselves restricted through ownership add up to 50 % or more. A restricted entity's whole stake counts
/// (it is not multiplied down the chain): BIS, 15 C.F.R. 744.11(a)(1) ("owned, directly or indirectly, individually or in
/// aggregate, 50 percent or more by one or more listed entities or unlisted entities that are subject to Entity List
/// license requirements ... based upon their ownership"); OFAC, Revised Guidance on Entities Owned by Persons Whose
/// Property and Interests in Property Are Blocked (2014-08-13) and FAQs 398-402 (an entity 50 % or more owned by a
/// blocked entity is itself blocked, and its holdings count in full).
/// </remarks>
/// <param name="Code">Short name in findings and JSON: <c>bis-affiliates</c>, <c>ofac-50</c>.</param>
/// <param name="Lists">The list codes whose entries are the roots (EL, MEU, SDN for BIS; SDN for OFAC).</param>
public sealed record OwnershipRegime(string Code, string Title, string Citation, FrozenSet<string> Lists)
{
    /// <summary>
    /// The BIS Affiliates rule (90 FR 47201): Entity List, MEU List and SDN-list parties of 744.8(a)(1) programmes, with
    /// owners on different lists aggregated (744.11(a)(1), 744.8(a)(2): "some combination of the Entity List, MEU List, or
    /// SDN List"). Whether it is in force on a date is the rule pack's business, not this record's.
    /// </summary>
    public static OwnershipRegime BisAffiliates { get; } = new("bis-affiliates", "BIS Affiliates rule (50 percent)",
        "15 C.F.R. 744.11(a)(1), 744.8(a)(2), 734.9(e) (90 FR 47201)", new[] { "EL", "MEU", "SDN" }.ToFrozenSet(StringComparer.Ordinal));

    /// <summary>OFAC's 50 % rule: entities owned 50 % or more, in the aggregate, by blocked persons are blocked.</summary>
    public static OwnershipRegime Ofac50 { get; } = new("ofac-50", "OFAC 50 percent rule",
        "OFAC, Revised Guidance on Entities Owned by Persons Whose Property and Interests in Property Are Blocked (2014-08-13)",
        new[] { "SDN" }.ToFrozenSet(StringComparer.Ordinal));

    public static IReadOnlyList<OwnershipRegime> All { get; } = [BisAffiliates, Ofac50];
}
