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
}
