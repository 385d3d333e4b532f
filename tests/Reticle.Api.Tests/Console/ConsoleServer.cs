using NodaTime;
using Reticle.Licensing;
using Reticle.Model;

namespace Reticle.Api.Tests.Console;

/// <summary>
/// A real <c>reticle serve</c> host on a free loopback port, seeded through the CLI with the story the console's
/// pages show: licence NL-2023-0042 drawn down by one shipment of 2024-03-01 and later revoked (announced 2024-05-20), an order
/// held for a licence, and an open order whose outcome the revocation changes (the impact page's case). The
/// licence is valid only from 2023-10-01, so the README's sample of 2023-09-15 stays license-required on the check page.
/// </summary>
public sealed class ConsoleServer() : ApiServer(Transport.Http)
{
    public const string License = "NL-2023-0042";

    private const string LicenseJson = """
        { "id": "NL-2023-0042", "jurisdiction": "NL", "holder": "ASML Netherlands B.V.",
          "issued": "2023-09-28", "validFrom": "2023-10-01", "validUntil": "2024-12-31",
          "destinations": ["CN"],
          "parties": [ { "role": "end-user", "name": "Semiconductor Manufacturing International (Beijing) Corporation" } ],
          "lines": [ { "item": { "sku": "NXT:2050i" }, "quantity": 3, "value": { "amount": 195000000, "currency": "EUR" } },
                     { "item": { "sku": "NXT:2100i" }, "quantity": 2, "value": { "amount": 150000000, "currency": "EUR" } } ],
          "conditions": ["no re-export without the Minister's consent"] }
        """;

    private readonly string _files = Directory.CreateTempSubdirectory("reticle-console-").FullName;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ReticleAsync("licenses", "add", Write("license.json", LicenseJson));
        // Fictional subsidiaries of SMIC (EL, footnote 5), for the ownership page.
        await ReticleAsync("owners", "import", Repository.Sample(Path.Combine("ownership", "owners.csv")), "--format", "csv");
        // Shipped on 2024-03-01, while the licence was valid: a draw-down on line 1. `orders ship` decides on the day it runs (the
        // test clock's 2026-11-25, when the licence has expired), so the story's past shipment is written as the use it made then.
        await Store.AppendLicenseEventsAsync(
            [new LicenseConsumed(License, 1, 1, new Money(65000000, "EUR"), "SO-CONSOLE-1", new LocalDate(2024, 3, 1), new LocalDate(2024, 3, 1))],
            "test:setup", Now);
        // The NXT:1980i after the Dutch amendment, with no licence: held.
        await ReticleAsync("orders", "add", Repository.Sample("nxt1980i-to-cn-2024-09-10.json"));
        await ReticleAsync("orders", "ship", "SAMPLE-2024-0910-1980");
        await ReticleAsync("licenses", "revoke", License, "--effective", "2024-06-01", "--announced", "2024-05-20", "--reason", "end user added to the Dutch watch list");
        // Open, and dated after the revocation: licensed with what was known on 2024-05-01, not with what was known on 2024-05-21.
        await ReticleAsync("orders", "add", Write("open.json", Shipment("SO-CONSOLE-2", "2024-07-01")));
        // Open orders of 2027 from Singapore, for the what-if page's draft (tests/fixtures/whatif).
        await ReticleAsync("orders", "add", Path.Combine(Repository.Root, "tests", "fixtures", "whatif", "sg-orders.jsonl"));
    }

    /// <summary>Runs <c>reticle ARGS</c> on the host's store (as <c>RETICLE_ACTOR=test:setup</c>); the fixture fails if it does.</summary>
    private async Task ReticleAsync(params string[] args)
    {
        var (code, _, error) = await RunCliAsync(args);
        code.ShouldBe(0, $"reticle {string.Join(' ', args)}: {error}");
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_files, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Shipment(string id, string date) =>
        File.ReadAllText(Repository.Sample("nxt2050i-to-smic-beijing-2023-09-15.json"))
            .Replace("SO-2023-0915", id, StringComparison.Ordinal)
            .Replace("2023-09-15", date, StringComparison.Ordinal);
}
