using Reticle.Determination;
using static Reticle.Tests.Transactions;

namespace Reticle.Tests.Engine;

public sealed class MissingFactTests
{
    [Fact]
    public void A_rule_that_needs_a_missing_fact_gives_review_naming_it()
    {
        var d = DeterminationEngine.Determine(BundledRules.Rules, Litho("2024-03-01", dco: null));
        var nl = d.Jurisdictions.Single(j => j.Jurisdiction == "NL");
        nl.Outcome.ShouldBe(Outcome.Review);
        var finding = nl.Findings.Single(f => f.Status == FindingStatus.Undetermined);
        finding.Missing.ShouldBe(["item.parameters.dedicatedChuckOverlayNm"]);
        finding.Because.ShouldContain("DCO not given");
        d.Outcome.ShouldBe(Outcome.Review);
    }

    [Fact]
    public void A_missing_fact_is_never_read_as_permitted()
    {
        var d = DeterminationEngine.Determine(BundledRules.Rules, Litho("2024-03-01", wavelength: null, na: null, dco: null));
        d.Jurisdictions.Single(j => j.Jurisdiction == "NL").Outcome.ShouldBe(Outcome.Review);
        d.Jurisdictions.Single(j => j.Jurisdiction == "EU").Outcome.ShouldBe(Outcome.Review);
    }

    [Fact]
    public void A_fact_that_cannot_change_the_answer_does_not_give_review()
    {
        // Dry ArF at NA 0.93: MRF 51.9 nm fails the MRF test, so the missing DCO cannot matter.
        var d = DeterminationEngine.Determine(BundledRules.Rules, Litho("2024-03-01", na: 0.93m, dco: null));
        d.Jurisdictions.Single(j => j.Jurisdiction == "NL").Outcome.ShouldBe(Outcome.Permitted);
    }

    [Fact]
    public void A_missing_fact_does_not_give_review_where_a_licence_is_already_required()
    {
        // From 2025-11-15 an ArF immersion tool without a stated DCO is undetermined under EU 3B501;
        // EUV is caught by 3B001.f.1.a whatever the DCO, so the EU outcome stays license-required.
        var d = DeterminationEngine.Determine(BundledRules.Rules, Litho("2025-12-01", wavelength: 13.5m, na: 0.33m, dco: null));
        d.Jurisdictions.Single(j => j.Jurisdiction == "EU").Outcome.ShouldBe(Outcome.LicenseRequired);
    }

    [Fact]
    public void A_declared_classification_decides_an_entry_when_parameters_are_missing()
    {
        var t = Litho("2024-03-01", wavelength: null, na: null, dco: null);
        var declared = t with { Item = t.Item with { Classifications = t.Item.Classifications.Add("NL", "3B001.f.4") } };
        // The Dutch list reaches only items not in Annex I (Art. 9(1) Reg. 2021/821): without parameters the Annex I
        // question (3B001.f.1) is open too, and the Dutch answer depends on it.
        var open = DeterminationEngine.Determine(BundledRules.Rules, declared).Jurisdictions.Single(j => j.Jurisdiction == "NL");
        open.Outcome.ShouldBe(Outcome.Review);
        open.Findings.Single(f => f.Rule == "nl.sme.duv-lithography").Missing.ShouldContain("item.parameters.wavelengthNm");

        var bothDeclared = declared with { Item = declared.Item with { Classifications = declared.Item.Classifications.Add("EU", "not-listed") } };
        var nl = DeterminationEngine.Determine(BundledRules.Rules, bothDeclared).Jurisdictions.Single(j => j.Jurisdiction == "NL");
        nl.Outcome.ShouldBe(Outcome.LicenseRequired);
        nl.Findings.Single(f => f.Rule == "nl.sme.duv-lithography").Because.ShouldContain("declared classification 3B001.f.4 falls under NL-SME-2023 3B001.f.4");
    }
}
