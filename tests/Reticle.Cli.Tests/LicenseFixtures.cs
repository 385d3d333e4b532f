namespace Reticle.Cli.Tests;

/// <summary>The founding story's licence and shipments, written to files the CLI reads.</summary>
internal static class LicenseFixtures
{
    public const string Id = "NL-2023-0042";

    public const string LicenseJson = """
        { "id": "NL-2023-0042", "jurisdiction": "NL", "holder": "ASML Netherlands B.V.",
          "issued": "2023-09-08", "validFrom": "2023-09-10", "validUntil": "2024-12-31",
          "destinations": ["CN"],
          "parties": [ { "role": "end-user", "name": "Semiconductor Manufacturing International (Beijing) Corporation" } ],
          "lines": [ { "item": { "sku": "NXT:2050i" }, "quantity": 3, "value": { "amount": 195000000, "currency": "EUR" } },
                     { "item": { "sku": "NXT:2100i" }, "quantity": 2, "value": { "amount": 150000000, "currency": "EUR" } } ],
          "conditions": ["no re-export without the Minister's consent"] }
        """;

    public static string Write(CliRun run, string name, string text)
    {
        var path = Path.Combine(run.DataDirectory, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The sample NXT:2050i shipment to SMIC Beijing, with another id and date.</summary>
    public static string Shipment(string id, string date) =>
        File.ReadAllText(Repository.Sample("nxt2050i-to-smic-beijing-2023-09-15.json"))
            .Replace("SO-2023-0915", id, StringComparison.Ordinal)
            .Replace("2023-09-15", date, StringComparison.Ordinal);
}
