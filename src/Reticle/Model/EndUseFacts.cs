namespace Reticle.Model;

/// <summary>
/// The knowledge questions rules may ask about the end use. A transaction may carry others (kept in
/// the audit record), but a rule can only test these, so a misspelt fact in a pack is an error.
/// </summary>
public static class EndUseFacts
{
    public static IReadOnlyList<string> Known { get; } =
    [
        // A facility in the destination where 'advanced-node integrated circuits' are produced (EAR §744.23(a)(2)).
        "advancedNodeFacility",
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
}
