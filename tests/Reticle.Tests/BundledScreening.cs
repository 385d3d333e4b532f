using Reticle.Input;
using Reticle.Screening;
using Reticle.Screening.Import;
using Reticle.Screening.Matching;

namespace Reticle.Tests;

/// <summary>
/// The bundled list snapshots of <c>content/lists/</c> (CSL, OFAC SDN, UN, BIS DPL), read with the real
/// importers and indexed once for all tests, as the CLI screens parties with them.
/// </summary>
internal static class BundledScreening
{
    private static readonly Lazy<ScreeningIndex> Loaded = new(Load);

    public static ScreeningIndex Index => Loaded.Value;

    public static PartyScreen Parties => new(Index, BundledRules.Rules.ListsDecided);

    private static ScreeningIndex Load()
    {
        var folder = Path.Combine(Repository.Content, "lists");
        (string Format, string File)[] lists =
        [
            ("csl-json", "us-csl-2026-07-31.json"),
            ("ofac-csv", Path.Combine("ofac-sdn-2024-05-03", "sdn.csv")),
            ("un-xml", "un-consolidated-2026-02-27.xml"),
            ("bis-dpl", "bis-dpl-2022-09-07.txt"),
        ];
        var entries = new List<ListEntry>();
        foreach (var (format, file) in lists)
        {
            var errors = new List<InputError>();
            var path = Path.Combine(folder, file);
            var snapshot = ListImporter.Read(format, [new ListFile(path, File.ReadAllBytes(path))], errors)
                ?? throw new InvalidOperationException(string.Join("\n", errors));
            entries.AddRange(snapshot.Entries);
        }
        return ScreeningIndex.Build(entries);
    }
}
