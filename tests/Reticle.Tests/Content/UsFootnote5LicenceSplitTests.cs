using System.Collections.Immutable;
using Reticle.Determination;
using Reticle.Model;
using static Reticle.Tests.Content.UsParties;
using static Reticle.Tests.Transactions;
using O = Reticle.Determination.Outcome;

namespace Reticle.Tests.Content;

/// <summary>
/// EAR §744.11(a)(2)(v)(A): a foreign-produced item subject to the EAR only through the footnote-5 rules
/// (§734.4(a)(9), §734.9(e)(3)) needs a licence according to who exports it from where: (1) an exporter
/// headquartered in Macau or D:5, from anywhere; (2) 3B993 from an A:5 country outside Supplement No. 4
/// unless it controls the item equivalently; (3) from outside A:5, everything by an exporter headquartered
/// outside Supplement No. 4, 3B993 by one inside; (4) in-country transfers, split the same way.
/// </summary>
public sealed class UsFootnote5LicenceSplitTests
{
    private const string Split = "us.ear.entity-list-fdp-footnote-5";

    private static readonly PartyListing Footnote5 = new(PartyRole.EndUser, "Example Fab Co.", "EL", "EL-1", "Example Fab Co.",
        [5], "For all items subject to the EAR", "Presumption of denial", "89 FR 96837", Confirmed: true);

    // A 3B993.f.1 scanner (DCO 2.0 nm) or a 3B994.b.2 implanter, made abroad with a US-origin IC, for a footnote-5 party.
    private static Transaction Item(string date, string eccn, string from, string? exporterHq, Activity activity = Activity.Export,
        Knowledge? equivalentControls = null, bool withExporter = true)
    {
        var scanner = Scanner(date, from: from, exporter: Exporter(from, exporterHq), withExporter: withExporter, activity: activity,
            dco: 2.0m, equivalentControls: equivalentControls);
        if (eccn == "3B993")
        {
            return scanner;
        }
        var implanter = ImmutableDictionary<string, ParameterValue>.Empty
            .Add("kind", ParameterValue.Of("ion-implant"))
            .Add("waferDiameterMm", ParameterValue.Of(300m))
            .Add("implantMaxBeamCurrent", ParameterValue.Of(2m))
            .Add("implantMaxBeamEnergy", ParameterValue.Of(100m));
        return scanner with { Item = scanner.Item with { Parameters = implanter } };
    }

    private static JurisdictionDetermination Decide(Transaction t) => Us(t, [Footnote5]);

    [Theory]
    [InlineData("3B993")]
    [InlineData("3B994")]
    public void An_item_subject_only_through_the_footnote_5_rules_takes_the_split_not_the_Entity_List_row(string eccn)
    {
        var us = Decide(Item("2025-06-02", eccn, "NL", "NL"));

        us.Finding("us.ear.entity-list").Status.ShouldBe(FindingStatus.DoesNotApply);
        us.Finding("us.ear.ccl-3b993-footnote-5").Status.ShouldBe(FindingStatus.DoesNotApply);
        us.Finding(Split).Status.ShouldBe(FindingStatus.DoesNotApply);
        us.Outcome.ShouldBe(O.Permitted);
    }

    [Theory]
    [InlineData("CN", O.LicenseRequired)]
    [InlineData("MO", O.LicenseRequired)]
    [InlineData("NL", O.Permitted)]
    public void A1_an_exporter_headquartered_in_Macau_or_D5_needs_a_licence_from_any_country(string headquarters, O expected) =>
        Decide(Item("2025-06-02", "3B994", "NL", headquarters)).Outcome.ShouldBe(expected);

    [Theory]
    [InlineData("3B993", Knowledge.No, O.LicenseRequired)]
    [InlineData("3B993", Knowledge.Yes, O.Permitted)]
    [InlineData("3B994", Knowledge.No, O.Permitted)]
    public void A2_from_an_A5_country_outside_Supplement_No_4_only_3B993_without_equivalent_controls_needs_a_licence(string eccn, Knowledge equivalent, O expected) =>
        Decide(Item("2025-06-02", eccn, "KR", "KR", equivalentControls: equivalent)).Outcome.ShouldBe(expected);

    [Fact]
    public void A2_equivalent_controls_not_stated_gives_review_asking_for_them()
    {
        var us = Decide(Item("2025-06-02", "3B993", "KR", "KR"));

        us.Outcome.ShouldBe(O.Review);
        us.Finding(Split).Missing.ShouldBe(["endUse.equivalentControls"]);
    }

    [Theory]
    [InlineData("3B994", "SG", O.LicenseRequired)]
    [InlineData("3B994", "NL", O.Permitted)]
    [InlineData("3B993", "NL", O.LicenseRequired)]
    [InlineData("3B993", "SG", O.LicenseRequired)]
    public void A3_from_outside_A5_the_exporters_headquarters_decides(string eccn, string headquarters, O expected) =>
        Decide(Item("2025-06-02", eccn, "SG", headquarters)).Outcome.ShouldBe(expected);

    [Theory]
    [InlineData("3B994", "CN", O.LicenseRequired)]
    [InlineData("3B994", "NL", O.Permitted)]
    [InlineData("3B993", "NL", O.LicenseRequired)]
    public void A4_an_in_country_transfer_is_split_by_the_transferors_ultimate_parent(string eccn, string headquarters, O expected) =>
        Decide(Item("2025-06-02", eccn, "CN", headquarters, activity: Activity.Transfer)).Outcome.ShouldBe(expected);

    [Fact]
    public void Without_the_exporter_the_split_is_review_naming_it()
    {
        var us = Decide(Item("2025-06-02", "3B994", "NL", null, withExporter: false));

        us.Outcome.ShouldBe(O.Review);
        us.Finding(Split).Missing.ShouldContain("parties[exporter]");
    }

    [Theory]
    [InlineData("2024-12-01", O.NotApplicable)]
    [InlineData("2024-12-02", O.LicenseRequired)]
    [InlineData("2024-12-03", O.LicenseRequired)]
    public void The_split_applies_from_2024_12_02(string date, O expected) =>
        Decide(Item(date, "3B994", "NL", "CN")).Outcome.ShouldBe(expected);
}
