using Reticle.Input;
using Reticle.Model;

namespace Reticle.Tests.Input;

/// <summary>Bad input gets a clear error naming where and why, and nothing is returned.</summary>
public sealed class TransactionReaderTests
{
    private const string Valid = """
        { "id": "SO-1", "date": "2023-09-15", "activity": "export", "from": "NL", "to": "CN",
          "item": { "sku": "NXT:2050i", "parameters": { "kind": "lithography", "wavelengthNm": 193 } },
          "quantity": 1, "value": { "amount": 65000000, "currency": "EUR" },
          "parties": [ { "role": "end-user", "name": "SMIC Beijing", "country": "CN" } ],
          "endUse": { "advancedNodeFacility": "unknown" },
          "personnel": [ { "name": "A. Engineer", "usPerson": true } ] }
        """;

    private static (TransactionInput Input, List<InputError> Errors) Read(string text)
    {
        var errors = new List<InputError>();
        return (TransactionReader.Read("in.json", text, errors), errors);
    }

    private static InputError Rejected(string text)
    {
        var (input, errors) = Read(text);
        input.Transactions.ShouldBeEmpty();
        return errors.ShouldHaveSingleItem();
    }

    [Fact]
    public void A_valid_transaction_is_read_with_all_its_facts()
    {
        var (input, errors) = Read(Valid);
        errors.ShouldBeEmpty();
        input.IsSingleObject.ShouldBeTrue();
        var t = input.Transactions.ShouldHaveSingleItem();
        t.Activity.ShouldBe(Activity.Export);
        t.To.Value.ShouldBe("CN");
        t.Item.Parameters["wavelengthNm"].Number.ShouldBe(193m);
        t.EndUse["advancedNodeFacility"].ShouldBe(Knowledge.Unknown);
        t.Personnel.Single().UsPerson.ShouldBe(true);
        t.Value.ShouldBe(new Money(65000000m, "EUR"));
    }

    [Fact]
    public void Arrays_and_JSON_lines_are_read_as_many()
    {
        Read($"[{Valid}, {Valid.Replace("SO-1", "SO-2")}]").Input.Transactions.Count.ShouldBe(2);
        var lines = Valid.ReplaceLineEndings(" ") + "\n" + Valid.Replace("SO-1", "SO-2").ReplaceLineEndings(" ") + "\n";
        var (input, errors) = Read(lines);
        errors.ShouldBeEmpty();
        input.Transactions.Count.ShouldBe(2);
        input.IsSingleObject.ShouldBeFalse();
    }

    [Fact]
    public void Malformed_JSON_names_line_and_column()
    {
        var error = Rejected("{\n  \"id\": \"SO-1\",\n  \"date\" \"2023-09-15\"\n}");
        error.Where.ShouldBe("in.json:3:10");
        error.Message.ShouldStartWith("malformed JSON");
    }

    [Theory]
    [InlineData("\"to\": \"CN\"", "\"to\": \"XX\"", "in.json.to", "unknown country code 'XX'")]
    [InlineData("\"date\": \"2023-09-15\"", "\"date\": \"2023-02-30\"", "in.json.date", "'2023-02-30' is not a valid date")]
    [InlineData("\"activity\": \"export\"", "\"activity\": \"smuggle\"", "in.json.activity", "unknown activity 'smuggle'")]
    [InlineData("\"role\": \"end-user\"", "\"role\": \"friend\"", "in.json.parties[0].role", "unknown role 'friend'")]
    [InlineData("\"quantity\": 1", "\"quantity\": 0", "in.json.quantity", "quantity must be greater than zero")]
    [InlineData("\"quantity\": 1", "\"quantity\": -3", "in.json.quantity", "quantity must be greater than zero")]
    [InlineData("\"currency\": \"EUR\"", "\"currency\": \"EUX\"", "in.json.value.currency", "unknown currency 'EUX'")]
    [InlineData("\"id\": \"SO-1\", ", "", "in.json.id", "missing required field")]
    [InlineData("\"advancedNodeFacility\": \"unknown\"", "\"advancedNodeFacility\": \"maybe\"", "in.json.endUse.advancedNodeFacility", "a knowledge fact is")]
    [InlineData("\"wavelengthNm\": 193", "\"wavelengthNm\": [193]", "in.json.item.parameters.wavelengthNm", "a parameter is a number or a word")]
    public void Each_bad_field_is_named(string valid, string bad, string where, string message)
    {
        var error = Rejected(Valid.Replace(valid, bad));
        error.Where.ShouldBe(where);
        error.Message.ShouldStartWith(message);
    }

    [Fact]
    public void Duplicate_ids_in_one_input_are_rejected() =>
        Rejected($"[{Valid}, {Valid}]").Message.ShouldBe("transaction id 'SO-1' occurs 2 times; ids must be unique in one input");

    [Fact]
    public void One_bad_transaction_rejects_the_whole_batch()
    {
        var (input, errors) = Read($"[{Valid}, {Valid.Replace("SO-1", "SO-2").Replace("\"CN\" }", "\"ZZ\" }")}]");
        input.Transactions.ShouldBeEmpty();
        errors.Single().Where.ShouldBe("in.json[1].parties[0].country");
    }

    [Fact]
    public void Empty_input_is_rejected() => Rejected("   ").Message.ShouldStartWith("malformed JSON");

    [Fact]
    public void A_non_object_is_rejected() => Rejected("[42]").Message.ShouldBe("a transaction must be a JSON object, not the number 42");

    [Theory]
    [InlineData("\"sku\": \"NXT:2050i\"", "\"sku\": \"NXT:2050i\", \"orgin\": \"US\"", "in.json.item.orgin", "unknown field; did you mean 'origin'?")]
    [InlineData("\"advancedNodeFacility\": \"unknown\"", "\"advancedNodeFacilty\": \"yes\"", "in.json.endUse.advancedNodeFacilty", "unknown field; did you mean 'advancedNodeFacility'?")]
    [InlineData("\"country\": \"CN\"", "\"country\": \"CN\", \"contry\": \"US\"", "in.json.parties[0].contry", "unknown field; did you mean 'country'?")]
    [InlineData("\"usPerson\": true", "\"usPerson\": true, \"usPersn\": false", "in.json.personnel[0].usPersn", "unknown field; did you mean 'usPerson'?")]
    [InlineData("\"currency\": \"EUR\"", "\"currency\": \"EUR\", \"amout\": 1", "in.json.value.amout", "unknown field; did you mean 'amount'?")]
    [InlineData("\"quantity\": 1,", "\"quantity\": 1, \"dat\": \"2023-09-16\",", "in.json.dat", "unknown field; did you mean 'date'?")]
    [InlineData("\"quantity\": 1,", "\"quantity\": 1, \"salesperson\": \"J. Doe\",", "in.json.salesperson", "unknown field (known: activity, date, endUse, extensions, from, id, item, parties, personnel, quantity, to, value)")]
    public void An_unknown_field_anywhere_is_rejected_with_the_nearest_known_name(string valid, string bad, string where, string message)
    {
        var text = Valid.Replace(valid, bad);
        text.ShouldNotBe(Valid);
        var error = Rejected(text);
        error.Where.ShouldBe(where);
        error.Message.ShouldBe(message);
    }

    [Fact]
    public void An_employer_with_a_misspelt_field_is_rejected()
    {
        var error = Rejected(Valid.Replace("\"usPerson\": true", "\"usPerson\": true, \"employer\": { \"name\": \"X\", \"headquaters\": \"CN\" }"));
        error.Where.ShouldBe("in.json.personnel[0].employer.headquaters");
        error.Message.ShouldBe("unknown field; did you mean 'headquarters'?");
    }

    [Fact]
    public void Extensions_hold_any_JSON_and_are_kept_with_the_record()
    {
        var text = Valid.Replace("\"quantity\": 1,", "\"quantity\": 1, \"extensions\": { \"crm\": { \"deal\": 42, \"tags\": [\"a\", null] } },");
        var (input, errors) = Read(text);
        errors.ShouldBeEmpty();
        input.Transactions.Single().SourceJson!.ShouldContain("\"crm\": { \"deal\": 42");
    }

    [Fact]
    public void Extensions_are_accepted_only_at_the_top_level() =>
        Rejected(Valid.Replace("\"sku\": \"NXT:2050i\"", "\"sku\": \"NXT:2050i\", \"extensions\": {}")).Where.ShouldBe("in.json.item.extensions");

    [Theory]
    [InlineData("\"date\": \"2023-09-15\"", "\"date\": \"2024-03-01\", \"date\": \"2022-01-01\"", "in.json.date")]
    [InlineData("\"wavelengthNm\": 193", "\"wavelengthNm\": 193, \"wavelengthNm\": 13.5", "in.json.item.parameters.wavelengthNm")]
    [InlineData("\"name\": \"SMIC Beijing\"", "\"name\": \"SMIC Beijing\", \"name\": \"Acme\"", "in.json.parties[0].name")]
    [InlineData("\"quantity\": 1,", "\"quantity\": 1, \"extensions\": { \"a\": 1, \"a\": 2 },", "in.json.extensions.a")]
    public void A_key_given_twice_in_one_object_is_rejected(string valid, string bad, string where)
    {
        var error = Rejected(Valid.Replace(valid, bad));
        error.Where.ShouldBe(where);
        error.Message.ShouldBe("given twice in one object; give each field once");
    }

    [Fact]
    public void A_key_given_twice_on_one_line_of_JSON_lines_names_the_line()
    {
        var one = Valid.ReplaceLineEndings(" ");
        var (input, errors) = Read(one + "\n" + one.Replace("SO-1", "SO-2").Replace("\"quantity\": 1", "\"quantity\": 1, \"quantity\": 100") + "\n");
        input.Transactions.ShouldBeEmpty();
        errors.ShouldHaveSingleItem().Where.ShouldBe("in.json:2.quantity");
    }

    [Theory]
    [InlineData("\"id\": \"SO-1\"", "\"id\": \"SO-\\ud800\"", "in.json.id", "text that is not valid Unicode")]
    [InlineData("\"name\": \"SMIC Beijing\"", "\"name\": \"\\udfff SMIC\"", "in.json.parties[0].name", "text that is not valid Unicode")]
    [InlineData("\"id\": \"SO-1\"", "\"id\": \"SO-\\u0000\"", "in.json.id", "text contains a NUL character")]
    [InlineData("\"wavelengthNm\": 193", "\"wavelengthNm\": 193, \"\\ud800\": 1", "in.json.item.parameters.<key 2>", "the key is not valid Unicode")]
    public void Text_that_is_not_valid_Unicode_or_holds_NUL_is_rejected(string valid, string bad, string where, string message)
    {
        var error = Rejected(Valid.Replace(valid, bad));
        error.Where.ShouldBe(where);
        error.Message.ShouldStartWith(message);
    }

    [Fact]
    public void An_id_of_up_to_200_characters_is_accepted_and_a_longer_one_rejected()
    {
        Read(Valid.Replace("SO-1", new string('x', 200))).Errors.ShouldBeEmpty();
        var error = Rejected(Valid.Replace("SO-1", new string('x', 201)));
        error.Where.ShouldBe("in.json.id");
        error.Message.ShouldBe("an id is at most 200 characters, not 201");
    }

    [Fact]
    public void An_id_with_a_control_character_is_rejected() =>
        Rejected(Valid.Replace("SO-1", "SO\\t1")).Message.ShouldStartWith("an id must not contain control characters");

    [Theory]
    [InlineData("\"wavelengthNm\": 1e309", "in.json.item.parameters.wavelengthNm")]
    [InlineData("\"wavelengthNm\": 193, \"numericalAperture\": 1e309", "in.json.item.parameters.numericalAperture")]
    public void A_number_beyond_range_is_rejected_naming_the_field(string parameters, string where)
    {
        var error = Rejected(Valid.Replace("\"wavelengthNm\": 193", parameters));
        error.Where.ShouldBe(where);
        error.Message.ShouldContain("is out of range");
    }

    [Fact]
    public void A_quantity_beyond_range_is_rejected_naming_the_field() =>
        Rejected(Valid.Replace("\"quantity\": 1", "\"quantity\": 1e309")).Where.ShouldBe("in.json.quantity");

    [Theory]
    [InlineData("1900-01-01", true)]
    [InlineData("1899-12-31", false)]
    [InlineData("2999-12-31", true)]
    [InlineData("3000-01-01", false)]
    [InlineData("9999-12-31", false)]
    [InlineData("0000-01-01", false)]
    [InlineData("-0001-01-01", false)]
    public void Dates_are_accepted_from_1900_through_2999(string date, bool accepted)
    {
        var (input, errors) = Read(Valid.Replace("2023-09-15", date));
        input.Transactions.Count.ShouldBe(accepted ? 1 : 0);
        if (!accepted)
        {
            errors.ShouldHaveSingleItem().Where.ShouldBe("in.json.date");
        }
    }

    [Fact]
    public void Classifications_are_keyed_by_jurisdiction() =>
        Rejected(Valid.Replace("\"wavelengthNm\": 193 }", "\"wavelengthNm\": 193 }, \"classifications\": { \"USA\": \"3B001\" }"))
            .Where.ShouldBe("in.json.item.classifications.USA");
}
