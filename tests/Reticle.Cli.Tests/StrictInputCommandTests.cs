using System.Text;

namespace Reticle.Cli.Tests;

/// <summary>
/// Nothing is silently ignored (CONTRACT §2): misspelt fields, keys given twice, text that is not valid Unicode, ids
/// the store cannot hold, numbers and dates out of range are rejected with exit 1 naming the place, and nothing is
/// stored. Run on SQLite and on PostgreSQL (<see cref="PostgresStrictInputCommandTests"/>).
/// </summary>
public abstract class StrictInputCommandTests
{
    private const string Sample = "nxt2050i-to-smic-beijing-2023-09-15.json";

    private protected abstract CliRun NewRun();

    private static string SampleText => File.ReadAllText(Repository.Sample(Sample));

    private static string Edited(string find, string replace)
    {
        var text = SampleText.Replace(find, replace, StringComparison.Ordinal);
        text.ShouldNotBe(SampleText, $"the sample has no '{find}'");
        return text;
    }

    private static async Task<long> AuditRecords(CliRun run) =>
        (await run.RunAsync("audit", "verify", "--json")).Json["recordsVerified"]!.GetValue<long>();

    // What each command would have stored, counted before and after: a check records a determination in the audit
    // chain, orders add an order, licenses add a licence (each also an audit record).
    private static async Task<long> Stored(CliRun run, string command) => command == "check"
        ? await AuditRecords(run)
        : (await run.RunAsync(command, "--json")).Json.AsArray().Count;

    private static async Task RejectedAndNothingStored(CliRun run, string message, params string[] args)
    {
        var before = await Stored(run, args[0]);
        var result = await run.RunAsync(args);
        result.ExitCode.ShouldBe(1, result.Error);
        result.Error.ShouldContain(message);
        result.Out.ShouldBeEmpty();
        (await Stored(run, args[0])).ShouldBe(before);
    }

    public static TheoryData<string, string, string> BadTransactions() => new()
    {
        { "\"origin\": \"NL\"", "\"orgin\": \"NL\"", ".item.orgin: unknown field; did you mean 'origin'?" },
        { "\"advancedNodeFacility\": \"unknown\"", "\"advancedNodeFacilty\": \"unknown\"", ".endUse.advancedNodeFacilty: unknown field; did you mean 'advancedNodeFacility'?" },
        { "\"country\": \"CN\",\n      \"address\": \"No. 18", "\"contry\": \"CN\",\n      \"address\": \"No. 18", ".parties[0].contry: unknown field; did you mean 'country'?" },
        { "\"quantity\": 1,", "\"quantity\": 1, \"salesRep\": \"J. Doe\",", ".salesRep: unknown field (known: " },
        { "\"wavelengthNm\": 193", "\"wavelenghtNm\": 193", ".item.parameters.wavelenghtNm: unknown parameter: no rule in force can test it; did you mean 'wavelengthNm'?" },
        { "\"date\": \"2023-09-15\"", "\"date\": \"2024-03-01\", \"date\": \"2022-01-01\"", ".date: given twice in one object" },
        { "\"id\": \"SO-2023-0915\"", "\"id\": \"SO-\\ud800\"", ".id: text that is not valid Unicode" },
        { "\"id\": \"SO-2023-0915\"", "\"id\": \"SO-\\u0000-1\"", ".id: text contains a NUL character" },
        { "\"id\": \"SO-2023-0915\"", $"\"id\": \"{new string('9', 5000)}\"", ".id: an id is at most 200 characters, not 5,000" },
        { "\"numericalAperture\": 1.35", "\"numericalAperture\": 1e309", ".item.parameters.numericalAperture: the number 1e309 is out of range" },
        { "\"date\": \"2023-09-15\"", "\"date\": \"0000-01-01\"", ".date: '0000-01-01' is outside the dates Reticle accepts" },
        { "\"date\": \"2023-09-15\"", "\"date\": \"9999-12-31\"", ".date: '9999-12-31' is outside the dates Reticle accepts" },
        { "\"date\": \"2023-09-15\"", "\"date\": \"-2023-09-15\"", ".date: '-2023-09-15' is" },
    };

    [Theory]
    [MemberData(nameof(BadTransactions))]
    public async Task A_bad_transaction_is_rejected_by_check_naming_the_place_and_nothing_is_stored(string find, string replace, string message)
    {
        var run = NewRun();
        var file = LicenseFixtures.Write(run, "bad.json", Edited(find, replace));
        await RejectedAndNothingStored(run, file + message, "check", file);
    }

    [Theory]
    [MemberData(nameof(BadTransactions))]
    public async Task A_bad_order_is_rejected_by_orders_add_naming_the_place_and_nothing_is_stored(string find, string replace, string message)
    {
        var run = NewRun();
        var file = LicenseFixtures.Write(run, "bad.json", Edited(find, replace));
        await RejectedAndNothingStored(run, file + message, "orders", "add", file);
    }

    [Theory]
    [InlineData("\"quantity\": 3,", "\"quantity\": 1, \"quantity\": 100,", ".lines[0].quantity: given twice in one object")]
    [InlineData("\"validUntil\": \"2024-12-31\"", "\"validUntil\": \"9999-12-31\"", ".validUntil: '9999-12-31' is outside the dates Reticle accepts")]
    [InlineData("\"validUntil\": \"2024-12-31\"", "\"validUntill\": \"2024-12-31\", \"validUntil\": \"2024-12-31\"", ".validUntill: unknown field; did you mean 'validUntil'?")]
    [InlineData("\"id\": \"NL-2023-0042\"", "\"id\": \"NL-\\udc00\"", ".id: text that is not valid Unicode")]
    public async Task A_bad_licence_is_rejected_naming_the_place_and_nothing_is_stored(string find, string replace, string message)
    {
        var run = NewRun();
        var text = LicenseFixtures.LicenseJson.Replace(find, replace, StringComparison.Ordinal);
        text.ShouldNotBe(LicenseFixtures.LicenseJson);
        var file = LicenseFixtures.Write(run, "licence.json", text);
        await RejectedAndNothingStored(run, file + message, "licenses", "add", file);
    }

    [Fact]
    public async Task Invalid_UTF8_is_rejected_naming_the_byte_offset_not_replaced()
    {
        var run = NewRun();
        var bytes = Encoding.UTF8.GetBytes(SampleText);
        var offset = SampleText.IndexOf("Semiconductor", StringComparison.Ordinal);
        bytes[offset] = 0xFF;
        var file = Path.Combine(run.DataDirectory, "latin1.json");
        await File.WriteAllBytesAsync(file, bytes);
        await RejectedAndNothingStored(run, $"{file}: invalid UTF-8 at byte offset {offset}", "check", file);
        await RejectedAndNothingStored(run, $"{file}: invalid UTF-8 at byte offset {offset}", "orders", "add", file);
    }

    [Fact]
    public async Task Extensions_are_accepted_and_kept_with_the_order()
    {
        var run = NewRun();
        var file = LicenseFixtures.Write(run, "order.json", Edited("\"quantity\": 1,", "\"quantity\": 1, \"extensions\": { \"crm\": { \"deal\": \"D-17\" } },"));
        var added = await run.RunAsync("orders", "add", file);
        added.ExitCode.ShouldBe(0, added.Error);
        var check = await run.RunAsync("check", file, "--json");
        check.ExitCode.ShouldBe(0, check.Error);
        check.Json["outcome"]!.GetValue<string>().ShouldBe("license-required");
    }

    [Theory]
    [InlineData("--known-at", "9999-12-31")]
    [InlineData("--as-of", "0000-01-01")]
    public async Task A_date_option_out_of_range_is_a_usage_error_naming_the_option(string option, string date)
    {
        var result = await NewRun().RunAsync("check", Repository.Sample(Sample), option, date);
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain($"{option}: '{date}' is outside the dates Reticle accepts");
    }
}

public sealed class SqliteStrictInputCommandTests : StrictInputCommandTests
{
    private protected override CliRun NewRun() => new();
}

/// <summary>The same on PostgreSQL, which cannot store NUL and refuses over-long index keys: the reader must catch both first.</summary>
public sealed class PostgresStrictInputCommandTests : StrictInputCommandTests, IAsyncLifetime
{
    private ThrowawayDatabase _database = null!;

    private protected override CliRun NewRun() => new(_database.ConnectionString);

    public async Task InitializeAsync() => _database = await ThrowawayDatabase.CreateAsync("reticle_strict_", pooling: false);

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
