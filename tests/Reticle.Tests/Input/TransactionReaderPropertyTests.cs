using System.Text;
using FsCheck;
using FsCheck.Xunit;
using Reticle.Input;

namespace Reticle.Tests.Input;

/// <summary>
/// Fuzzing the transaction reader with random and hostile JSON (deep, long, duplicate keys, lone surrogates, NUL,
/// extreme numbers and dates, misspelt fields): it never throws, and it either reads transactions or rejects the input
/// with every error naming a place in it.
/// </summary>
public sealed class TransactionReaderPropertyTests
{
    private static void ReadsOrNamesEveryPlace(string text)
    {
        var errors = new List<InputError>();
        var input = TransactionReader.Read("in.json", text, errors);
        if (errors.Count == 0)
        {
            input.Transactions.ShouldNotBeEmpty(text);
            input.Places.Count.ShouldBe(input.Transactions.Count);
        }
        else
        {
            input.Transactions.ShouldBeEmpty(text);
            foreach (var error in errors)
            {
                error.Where.ShouldStartWith("in.json", customMessage: text);
                error.Message.ShouldNotBeNullOrWhiteSpace(text);
            }
        }
    }

    [Property(MaxTest = 400)]
    public void A_mutated_transaction_is_read_or_rejected_naming_a_place(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var text = HostileJson.Valid;
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            text = HostileJson.Mutate(random, text);
        }
        ReadsOrNamesEveryPlace(text);
    }

    [Property(MaxTest = 400)]
    public void Random_JSON_is_read_or_rejected_naming_a_place(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        ReadsOrNamesEveryPlace(HostileJson.RandomValue(random, 0));
    }

    [Property(MaxTest = 200)]
    public void Random_text_is_rejected_naming_a_place(NonNull<string> text)
    {
        ReadsOrNamesEveryPlace(text.Get);
    }

    [Fact]
    public void Deep_nesting_is_rejected_not_a_crash()
    {
        var deep = HostileJson.Valid.Replace("\"crm\": 1", "\"crm\": " + new string('[', 5000) + new string(']', 5000));
        ReadsOrNamesEveryPlace(deep);
        var errors = new List<InputError>();
        TransactionReader.Read("in.json", deep, errors);
        errors.ShouldHaveSingleItem().Message.ShouldStartWith("malformed JSON");
    }

    [Fact]
    public void A_mutated_valid_transaction_is_sometimes_still_valid()
    {
        // Guards the fuzzing itself: if every mutation broke the JSON, the property above would test only the parser.
        var valid = Enumerable.Range(1, 300).Count(seed =>
        {
            var errors = new List<InputError>();
            TransactionReader.Read("in.json", HostileJson.Mutate(new Random(seed), HostileJson.Valid), errors);
            return errors.Count == 0;
        });
        valid.ShouldBeGreaterThan(5);
        var structural = Enumerable.Range(1, 300).Count(seed =>
        {
            var errors = new List<InputError>();
            TransactionReader.Read("in.json", HostileJson.Mutate(new Random(seed), HostileJson.Valid), errors);
            return errors.Any(e => !e.Message.StartsWith("malformed JSON", StringComparison.Ordinal));
        });
        structural.ShouldBeGreaterThan(50);
    }

    [Fact]
    public void Invalid_UTF8_bytes_never_reach_the_reader_as_replacement_characters()
    {
        var bytes = Encoding.UTF8.GetBytes(HostileJson.Valid).ToList();
        bytes.Insert(HostileJson.Valid.IndexOf("SMIC", StringComparison.Ordinal), 0xC0);
        var errors = new List<InputError>();
        Utf8Input.Decode("in.json", [.. bytes], errors).ShouldBeNull();
        errors.ShouldHaveSingleItem().Message.ShouldStartWith($"invalid UTF-8 at byte offset {HostileJson.Valid.IndexOf("SMIC", StringComparison.Ordinal)}");
    }
}
