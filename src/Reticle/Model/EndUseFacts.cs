namespace Reticle.Model;

/// <summary>
/// The knowledge questions rules may ask about the end use. A transaction may carry others (kept in
/// the audit record), but a rule can only test these, so a misspelt fact in a pack is an error.
/// </summary>
public static class EndUseFacts
{
    public static IReadOnlyList<string> Known { get; } =
    [
        // A facility in the destination where 'advanced-node integrated circuits' of any kind are produced
        // (logic, NAND or DRAM: EAR §772.1, paragraphs (1)-(3) of the definition; §744.23(a)(2)).
        "advancedNodeFacility",
        // The end user's facility produces logic advanced-node ICs: non-planar transistors or a 16/14 nm
        // node or less (§772.1, paragraph (1) of the definition). The 0 % de minimis rule of §734.4(a)(3)
        // reaches only these; the footnote-5 rules of §734.4(a)(9) and §734.9(e)(3) reach these and DRAM.
        "advancedNodeLogicProduction",
        // The end user's facility produces DRAM advanced-node ICs (§772.1, paragraph (3) of the definition).
        "advancedNodeDramProduction",
        "militaryEndUse",
        "militaryEndUser",
        // Development or production of semiconductor manufacturing equipment (EAR §744.23(a)(4)).
        "smeDevelopmentOrProduction",
        "supercomputerEndUse",
        // The exporter was informed by a competent authority (EU 2021/821 Art. 4 and 10).
        "informedByAuthority",
        "wmdEndUse",
        // The country the item is exported or reexported from has implemented controls equivalent to the EAR's
        // for it: listed on its control list, same licence review policy (EAR §742.6(a)(6)(i)(A)(2)(iii),
        // §744.11(a)(2)(v)(A)(2)). BIS answers it by advisory opinion; the exporter states it.
        "equivalentControls",
    ];

    /// <summary>
    /// Facts that are a kind of another: when the transaction leaves one out but answers the broader
    /// question with <c>no</c>, the narrower answer is <c>no</c> too (a facility that produces no
    /// advanced-node IC at all produces no advanced-node logic IC), so a mature-node fab is not held
    /// for review over a question its own answer already settles. A <c>yes</c> or <c>unknown</c> on the
    /// broader fact settles nothing: a DRAM fab is an advanced-node facility but not a logic one.
    /// </summary>
    public static IReadOnlyDictionary<string, string> NarrowerThan { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["advancedNodeLogicProduction"] = "advancedNodeFacility",
        ["advancedNodeDramProduction"] = "advancedNodeFacility",
    };

    /// <summary>The answer to an end-use question, as a rule reads it: stated, or implied <c>no</c> by the broader fact.</summary>
    public static Knowledge? Answer(IReadOnlyDictionary<string, Knowledge> endUse, string fact)
    {
        if (endUse.TryGetValue(fact, out var stated))
        {
            return stated;
        }
        return NarrowerThan.TryGetValue(fact, out var broader) && endUse.TryGetValue(broader, out var b) && b == Knowledge.No
            ? Knowledge.No
            : null;
    }
}
