using Reticle.Input;
using Reticle.Licensing;
using Reticle.Model;
using static Reticle.Tests.Licensing.Licenses;
using static Reticle.Tests.Transactions;

namespace Reticle.Tests.Licensing;

/// <summary>Licence and revocation input: read strictly, every error naming the JSON path, nothing returned on error.</summary>
public sealed class LicenseReaderTests
{
    private static InputError Rejected(string text)
    {
        var errors = new List<InputError>();
        LicenseReader.Read("in.json", text, errors).ShouldBeEmpty();
        return errors.ShouldHaveSingleItem();
    }

    private static InputError RejectedRevocation(string text)
    {
        var errors = new List<InputError>();
        LicenseReader.ReadRevocations("rev.json", text, NlBook(), errors).ShouldBeEmpty();
        return errors.ShouldHaveSingleItem();
    }

    [Fact]
    public void A_valid_license_is_read_with_all_its_terms()
    {
        var license = Nl;
        license.Id.ShouldBe(Id);
        license.Kind.ShouldBe(LicenseKind.Individual);
        license.Issued.ShouldBe(Date("2023-09-08"));
        license.Validity.From.ShouldBe(Date("2023-09-10"));
        license.ValidUntil.ShouldBe(Date("2024-12-31"));
        license.Destinations.ShouldBe([CountryCode.Parse("CN")]);
        license.Parties.ShouldHaveSingleItem().ShouldBe(new LicenseParty(PartyRole.EndUser, EndUser));
        license.Lines.Select(l => l.Number).ShouldBe([1, 2]);
        license.Lines[0].ShouldBe(new LicenseLine(1, new LicenseItemCriteria("NXT:2050i", null, null), 3m, new Money(195_000_000m, "EUR")));
        license.Conditions.ShouldHaveSingleItem();
    }

    [Fact]
    public void Arrays_are_read_as_many_and_written_back_the_same()
    {
        var errors = new List<InputError>();
        var licenses = LicenseReader.Read("in.json", $"[{NlJson}, {JpGeneralJson}]", errors);
        errors.ShouldBeEmpty();
        licenses.Count.ShouldBe(2);
        licenses[1].Kind.ShouldBe(LicenseKind.GeneralAuthorization);
        licenses[1].ValidUntil.ShouldBeNull();
        foreach (var license in licenses)
        {
            var again = LicenseReader.Read("again.json", LicenseJson.ToJson(license).ToJsonString(), errors).ShouldHaveSingleItem();
            LicenseJson.ToJson(again).ToJsonString().ShouldBe(LicenseJson.ToJson(license).ToJsonString());
        }
        errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("\"id\": \"NL-2023-0042\"", "\"id\": \"\"", "in.json.id", "must not be empty")]
    [InlineData("\"jurisdiction\": \"NL\"", "\"jurisdiction\": \"XX\"", "in.json.jurisdiction", "unknown jurisdiction 'XX'")]
    [InlineData("[\"CN\"]", "[\"CN\", \"XY\"]", "in.json.destinations[1]", "unknown country code 'XY'")]
    [InlineData("[\"CN\"]", "[]", "in.json.destinations", "at least one destination")]
    [InlineData("\"validUntil\": \"2024-12-31\"", "\"validUntil\": \"2023-01-31\"", "in.json.validUntil", "valid until 2023-01-31 is before valid from 2023-09-10")]
    [InlineData("\"validFrom\": \"2023-09-10\"", "\"validFrom\": \"2023-02-30\"", "in.json.validFrom", "'2023-02-30' is not a valid date")]
    [InlineData(", \"validUntil\": \"2024-12-31\"", "", "in.json.validUntil", "missing required field")]
    [InlineData("\"issued\": \"2023-09-08\"", "\"issued\": \"2025-01-01\"", "in.json.issued", "after its last valid day 2024-12-31")]
    [InlineData("\"quantity\": 3", "\"quantity\": 0", "in.json.lines[0].quantity", "must be greater than zero, not 0")]
    [InlineData("\"quantity\": 3", "\"quantity\": -2", "in.json.lines[0].quantity", "must be greater than zero, not -2")]
    [InlineData("\"amount\": 195000000, \"currency\": \"EUR\"", "\"amount\": 195000000", "in.json.lines[0].value.currency", "missing required field")]
    [InlineData("\"amount\": 195000000, \"currency\": \"EUR\"", "\"amount\": 195000000, \"currency\": \"EURO\"", "in.json.lines[0].value.currency", "unknown currency 'EURO'")]
    [InlineData("\"amount\": 195000000, \"currency\": \"EUR\"", "\"amount\": 0, \"currency\": \"EUR\"", "in.json.lines[0].value.amount", "must be greater than zero")]
    [InlineData("\"amount\": 195000000, \"currency\": \"EUR\"", "\"amount\": -1, \"currency\": \"EUR\"", "in.json.lines[0].value.amount", "must not be negative")]
    [InlineData("\"validUntil\": \"2024-12-31\"", "\"validUntill\": \"2024-12-31\", \"validUntil\": \"2024-12-31\"", "in.json.validUntill", "unknown field")]
    [InlineData("{ \"sku\": \"NXT:2050i\" }", "{ \"skuu\": \"NXT:2050i\", \"sku\": \"NXT:2050i\" }", "in.json.lines[0].item.skuu", "unknown field; did you mean 'sku'?")]
    [InlineData("{ \"sku\": \"NXT:2050i\" }", "{ \"colour\": \"red\", \"sku\": \"NXT:2050i\" }", "in.json.lines[0].item.colour", "unknown field (known: classification, description, sku)")]
    [InlineData("{ \"sku\": \"NXT:2050i\" }", "{ }", "in.json.lines[0].item", "at least one of sku, classification, description")]
    [InlineData("\"role\": \"end-user\"", "\"role\": \"buyer\"", "in.json.parties[0].role", "unknown role 'buyer'")]
    [InlineData(", \"holder\": \"ASML Netherlands B.V.\"", "", "in.json.holder", "missing required field")]
    [InlineData("\"jurisdiction\": \"NL\"", "\"jurisdiction\": \"NL\", \"kind\": \"permit\"", "in.json.kind", "unknown kind 'permit'")]
    public void Bad_license_input_names_the_JSON_path(string find, string replace, string where, string message)
    {
        var bad = NlJson.Replace(find, replace);
        bad.ShouldNotBe(NlJson);
        var error = Rejected(bad);
        error.Where.ShouldBe(where);
        error.Message.ShouldContain(message);
    }

    [Fact]
    public void Lines_may_not_be_empty()
    {
        var error = Rejected(NlJson[..NlJson.IndexOf("\"lines\"", StringComparison.Ordinal)] + "\"lines\": [] }");
        error.Where.ShouldBe("in.json.lines");
        error.Message.ShouldBe("must list at least one line");
    }

    [Fact]
    public void An_individual_line_limits_quantity_or_value()
    {
        var error = Rejected(NlJson.Replace(", \"quantity\": 3, \"value\": { \"amount\": 195000000, \"currency\": \"EUR\" }", ""));
        error.Where.ShouldBe("in.json.lines[0].quantity");
    }

    [Fact]
    public void Duplicate_license_ids_are_refused_naming_both_places()
    {
        var error = Rejected($"[{NlJson}, {JpGeneralJson}, {NlJson}]");
        error.Where.ShouldBe("in.json[2].id");
        error.Message.ShouldBe("licence id 'NL-2023-0042' is also at in.json[0]; ids must be unique");
    }

    [Fact]
    public void A_general_authorization_has_no_quantity_limit()
    {
        var error = Rejected(JpGeneralJson.Replace("\"3B001.f.4\" }", "\"3B001.f.4\" }, \"quantity\": 5"));
        error.Where.ShouldBe("in.json.lines[0].quantity");
        error.Message.ShouldBe("a general authorization has no quantity or value limit");
    }

    [Fact]
    public void Malformed_JSON_names_line_and_column() =>
        Rejected("{\n \"id\": \"X\",\n \"jurisdiction\" \"NL\" }").Where.ShouldBe("in.json:3:17");

    [Fact]
    public void A_license_must_be_an_object() =>
        Rejected("[42]").ShouldBe(new InputError("in.json[0]", "a licence must be a JSON object, not the number 42"));

    [Fact]
    public void A_revocation_is_read_against_the_book()
    {
        var errors = new List<InputError>();
        var revocations = LicenseReader.ReadRevocations("rev.json", """
            [ { "license": "NL-2023-0042", "effective": "2024-01-01", "announced": "2024-01-01", "lines": [1], "reason": "partial" },
              { "license": "NL-2023-0042", "effective": "2024-03-01", "announced": "2024-02-15", "party": "SMIC, Beijing" },
              { "license": "NL-2023-0042", "effective": "2024-06-01", "announced": "2024-06-01" } ]
            """, Book(new LicenseIssued(Nl with { Parties = [] })), errors);
        errors.ShouldBeEmpty();
        revocations.Count.ShouldBe(3);
        revocations[0].Scope.ShouldBeOfType<RevocationScope.Lines>().Numbers.ShouldBe([1]);
        revocations[0].Reason.ShouldBe("partial");
        revocations[1].Scope.ShouldBe(RevocationScope.ForParty("SMIC, Beijing"));
        revocations[1].Announced.ShouldBe(Date("2024-02-15"));
        revocations[2].Scope.ShouldBe(RevocationScope.Whole);
    }

    [Fact]
    public void Revoking_an_unknown_license_is_refused() =>
        RejectedRevocation("""{ "license": "NL-2099-0001", "effective": "2024-01-01", "announced": "2024-01-01" }""")
            .ShouldBe(new InputError("rev.json.license", "unknown licence 'NL-2099-0001'"));

    [Fact]
    public void Revoking_an_unknown_line_is_refused() =>
        RejectedRevocation("""{ "license": "NL-2023-0042", "effective": "2024-01-01", "announced": "2024-01-01", "lines": [2, 3] }""")
            .ShouldBe(new InputError("rev.json.lines[1]", "NL-2023-0042 has no line 3 (lines 1..2)"));

    [Theory]
    [InlineData("\"lines\": [0]", "rev.json.lines[0]", "a line number is a whole number from 1")]
    [InlineData("\"lines\": []", "rev.json.lines", "must name at least one line")]
    [InlineData("\"lines\": [1], \"party\": \"X\"", "rev.json.party", "of lines or for a party, not both")]
    [InlineData("\"party\": \"Hua Hong\"", "rev.json.party", "names no party 'Hua Hong'")]
    [InlineData("\"line\": 1", "rev.json.line", "unknown field")]
    public void Bad_revocation_input_names_the_JSON_path(string extra, string where, string message)
    {
        var error = RejectedRevocation($$"""{ "license": "NL-2023-0042", "effective": "2024-01-01", "announced": "2024-01-01", {{extra}} }""");
        error.Where.ShouldBe(where);
        error.Message.ShouldContain(message);
    }

    [Fact]
    public void A_revocation_needs_its_dates() =>
        RejectedRevocation("""{ "license": "NL-2023-0042", "effective": "2024-01-01" }""").ShouldBe(new InputError("rev.json.announced", "missing required field"));
}
