using Reticle.Screening.Import;
using YamlDotNet.RepresentationModel;

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
            // Read as a YAML tree, not through YamlDotNet's object deserialiser: that one inspects types by reflection,
            // which cost every command opening a workspace about 30 ms for a manifest of four entries.
            var yaml = new YamlStream();
            yaml.Load(new StringReader(File.ReadAllText(manifest)));
            if (yaml.Documents.Count == 0)
            {
                return [];
            }
            if (yaml.Documents[0].RootNode is not YamlSequenceNode entries)
            {
                throw Problem(manifest, yaml.Documents[0].RootNode, "the manifest is not a list of datasets");
            }
            return [.. entries.Children.Select(e => Entry(manifest, folder, e))];
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidOperationException($"{manifest}:{e.Start.Line}:{e.Start.Column}: the bundled list manifest does not read: {e.Message}", e);
        }
    }

    // One dataset: every key known, unknown keys an error with their line and column.
    private static BundledLists Entry(string manifest, string folder, YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            throw Problem(manifest, node, "a dataset is not a mapping of dataset, format, files and source");
        }
        string? dataset = null, format = null, source = null;
        List<string> files = [];
        foreach (var (key, value) in map.Children)
        {
            var name = key is YamlScalarNode scalar ? scalar.Value : null;
            switch (name)
            {
                case "dataset":
                    dataset = Scalar(manifest, value);
                    break;
                case "format":
                    format = Scalar(manifest, value);
                    break;
                case "source":
                    source = Scalar(manifest, value);
                    break;
                case "files":
                    files = value is YamlSequenceNode list
                        ? [.. list.Children.Select(f => Path.Combine(folder, Scalar(manifest, f)))]
                        : throw Problem(manifest, value, "'files' is not a list");
                    break;
                default:
                    throw Problem(manifest, key, $"unknown key '{name}' (known: dataset, format, files, source)");
            }
        }
        return new BundledLists(
            dataset ?? throw Problem(manifest, node, "an entry has no 'dataset'"),
            format ?? throw Problem(manifest, node, $"{dataset} has no 'format'"),
            files,
            source ?? "");
    }

    private static string Scalar(string manifest, YamlNode node) =>
        node is YamlScalarNode { Value: { } value } ? value : throw Problem(manifest, node, "expected a single value");

    private static InvalidOperationException Problem(string manifest, YamlNode node, string message) =>
        new($"{manifest}:{node.Start.Line}:{node.Start.Column}: {message}");

    public IReadOnlyList<ListFile> Load() => [.. Files.Select(f => new ListFile(f, File.ReadAllBytes(f)))];
}
