using System.Text.Json;
using System.Text.RegularExpressions;

namespace Reticle.Tests.Docs;

/// <summary>
/// The JSON Schema for editors must know every key the reader accepts, and no key it rejects, so an
/// editor never flags a valid pack nor passes a misspelt one.
/// </summary>
public sealed partial class RulePackSchemaTests
{
    private static readonly JsonElement Schema =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Content, "packs", "rule-pack.schema.json"))).RootElement;

    private static string ReaderSource(string file) =>
        File.ReadAllText(Path.Combine(Repository.Root, "src", "Reticle", "Rules", "Packs", file));

    // Every key literal the reader passes to a reading call: Map("definitions"), ReadPeriod(map, "effective"), …
    [GeneratedRegex("""(?:\(|, )"([a-zA-Z]+)"(?:,|\))""")]
    private static partial Regex KeyRead();

    private static IEnumerable<string> SchemaKeys(JsonElement node)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }
        foreach (var property in node.EnumerateObject())
        {
            if (property.Name == "properties")
            {
                foreach (var key in property.Value.EnumerateObject())
                {
                    yield return key.Name;
                }
            }
            foreach (var inner in SchemaKeys(property.Value))
            {
                yield return inner;
            }
            if (property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var inner in property.Value.EnumerateArray().SelectMany(SchemaKeys))
                {
                    yield return inner;
                }
            }
        }
    }

    [Fact]
    public void Every_key_the_reader_accepts_is_in_the_schema_and_no_other()
    {
        var readerKeys = KeyRead().Matches(ReaderSource("RulePackReader.cs")).Select(m => m.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);
        var schemaKeys = SchemaKeys(Schema).ToHashSet(StringComparer.Ordinal);
        readerKeys.Except(schemaKeys).ShouldBeEmpty("keys the reader accepts but the schema lacks");
        schemaKeys.Except(readerKeys).ShouldBeEmpty("keys the schema allows but the reader rejects");
    }
}
