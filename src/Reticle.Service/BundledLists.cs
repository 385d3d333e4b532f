using Reticle.Screening.Import;

namespace Reticle.Service;

/// <summary>
/// The list snapshots shipped in <c>content/lists/</c>, described by its <c>lists.yaml</c> manifest
/// (dataset, import format, files, source). A fresh data folder imports each dataset it holds no
/// snapshot of; a dataset already held is left alone, so a newer import is never replaced by older bundled data.
/// </summary>
internal sealed record BundledLists(string Dataset, string Format, IReadOnlyList<string> Files, string Source)
{
    public const string ManifestName = "lists.yaml";

    public static IReadOnlyList<BundledLists> Read(string contentRoot)
    {
        var folder = Path.Combine(contentRoot, "lists");
        var manifest = Path.Combine(folder, ManifestName);
        if (!File.Exists(manifest))
        {
            return [];
        }
        try
        {
            // Unknown keys are errors (YamlDotNet's default), with their line and column.
            var entries = new YamlDotNet.Serialization.DeserializerBuilder().Build()
                .Deserialize<List<ManifestEntry>>(File.ReadAllText(manifest)) ?? [];
            return [.. entries.Select(e => new BundledLists(
                e.Dataset ?? throw new InvalidOperationException($"{manifest}: an entry has no 'dataset'"),
                e.Format ?? throw new InvalidOperationException($"{manifest}: {e.Dataset} has no 'format'"),
                [.. e.Files.Select(f => Path.Combine(folder, f))],
                e.Source ?? ""))];
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidOperationException($"{manifest}:{e.Start.Line}:{e.Start.Column}: the bundled list manifest does not read: {e.Message}", e);
        }
    }

    public IReadOnlyList<ListFile> Load() => [.. Files.Select(f => new ListFile(f, File.ReadAllBytes(f)))];

    // Shaped for YamlDotNet: lower-case keys as the manifest writes them.
    private sealed class ManifestEntry
    {
        [YamlDotNet.Serialization.YamlMember(Alias = "dataset")]
        public string? Dataset { get; set; }

        [YamlDotNet.Serialization.YamlMember(Alias = "format")]
        public string? Format { get; set; }

        [YamlDotNet.Serialization.YamlMember(Alias = "files")]
        public List<string> Files { get; set; } = [];

        [YamlDotNet.Serialization.YamlMember(Alias = "source")]
        public string? Source { get; set; }
    }
}
