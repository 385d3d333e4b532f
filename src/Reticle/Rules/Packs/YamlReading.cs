using System.Globalization;
using NodaTime;
using NodaTime.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Reticle.Rules.Packs;

/// <summary>
/// Strict reading of a YAML mapping: every key must be one the reader asks for, every value must have
/// the expected type, and each error carries the line and column of the offending node.
/// Shared by the rule-pack and catalogue readers.
/// </summary>
internal sealed class YamlMap
{
    private const string DuplicateKey = "Duplicate key ";

    /// <summary>Loads a file that must be one YAML document whose top level is a mapping, or reports why not.</summary>
    public static YamlMap? Load(string file, string text, List<PackError> errors, string expectation)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                errors.Add(new PackError(file, 1, 1, null, expectation));
                return null;
            }
            return new YamlMap(mapping, file, errors);
        }
        catch (YamlException e) when (e.Message.StartsWith(DuplicateKey, StringComparison.Ordinal))
        {
            // The loader refuses a key given twice in one mapping (rather than keeping the last, as a JSON parser
            // would), pointing at the second: said in the words the JSON readers use.
            errors.Add(new PackError(file, (int)e.Start.Line, (int)e.Start.Column, null,
                $"key '{e.Message[DuplicateKey.Length..]}' given twice in one mapping; give each key once"));
            return null;
        }
        catch (YamlException e)
        {
            errors.Add(new PackError(file, (int)e.Start.Line, (int)e.Start.Column, null, $"malformed YAML: {e.InnerException?.Message ?? e.Message}"));
            return null;
        }
    }

    private readonly YamlMappingNode _node;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly string _file;
    private readonly List<PackError> _errors;

    public YamlMap(YamlMappingNode node, string file, List<PackError> errors, string? ruleId = null)
    {
        _node = node;
        _file = file;
        _errors = errors;
        RuleId = ruleId;
    }

    public string? RuleId { get; set; }

    public SourceSpan Span => SpanOf(_node, _file);

    public static SourceSpan SpanOf(YamlNode node, string file) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    public YamlNode? Node(string key)
    {
        _read.Add(key);
        return _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
    }

    public void Error(YamlNode node, string message) => _errors.Add(SpanOf(node, _file).Error(message, RuleId));

    public void Error(string message) => _errors.Add(Span.Error(message, RuleId));

    public void ErrorAt(SourceSpan span, string message) => _errors.Add(span.Error(message, RuleId));

    /// <summary>Reports every key nobody asked for: a misspelt key must not be silently ignored.</summary>
    public void RejectUnknownKeys(string where)
    {
        foreach (var (key, _) in _node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? key.ToString();
            if (!_read.Contains(name))
            {
                Error(key, $"unknown key '{name}' in {where} (allowed: {string.Join(", ", _read.Order(StringComparer.Ordinal))})");
            }
        }
    }

    public string? String(string key, bool required = false)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required)
            {
                Error($"missing required key '{key}'");
            }
            return null;
        }
        if (node is YamlScalarNode { Value: { } text } && !IsNull(node))
        {
            return text;
        }
        Error(node, $"'{key}' must be text, not {Describe(node)}");
        return null;
    }

    public SourceText? Text(string key, bool required = false)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required)
            {
                Error($"missing required key '{key}'");
            }
            return null;
        }
        if (node is YamlScalarNode { Value: { } text } scalar && !IsNull(node))
        {
            var shift = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0;
            return new SourceText(text, SpanOf(node, _file), shift);
        }
        Error(node, $"'{key}' must be a condition written as text, not {Describe(node)}");
        return null;
    }

    public LocalDate? Date(string key, bool required = false)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required)
            {
                Error($"missing required key '{key}'");
            }
            return null;
        }
        return ReadDate(node, key);
    }

    public LocalDate? ReadDate(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: { } text } && LocalDatePattern.Iso.Parse(text) is { Success: true } result)
        {
            return result.Value;
        }
        Error(node, $"'{what}' must be a date YYYY-MM-DD, not {Describe(node)}");
        return null;
    }

    public decimal? Number(string key, bool required = false)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required)
            {
                Error($"missing required key '{key}'");
            }
            return null;
        }
        if (node is YamlScalarNode { Value: { } text, Style: ScalarStyle.Plain }
            && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        Error(node, $"'{key}' must be a number, not {Describe(node)}");
        return null;
    }

    public bool? Boolean(string key)
    {
        var node = Node(key);
        if (node is null)
        {
            return null;
        }
        if (node is YamlScalarNode { Value: "true" or "false" } scalar)
        {
            return scalar.Value == "true";
        }
        Error(node, $"'{key}' must be true or false, not {Describe(node)}");
        return null;
    }

    public YamlMap? Map(string key, bool required = false)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required)
            {
                Error($"missing required key '{key}'");
            }
            return null;
        }
        if (node is YamlMappingNode mapping)
        {
            return new YamlMap(mapping, _file, _errors, RuleId);
        }
        Error(node, $"'{key}' must be a mapping (key: value lines), not {Describe(node)}");
        return null;
    }

    public IEnumerable<(string Key, YamlNode Value, YamlNode KeyNode)> Entries()
    {
        foreach (var (key, value) in _node.Children)
        {
            yield return ((key as YamlScalarNode)?.Value ?? "", value, key);
        }
    }

    public IReadOnlyList<YamlNode>? Sequence(string key)
    {
        var node = Node(key);
        if (node is null)
        {
            return null;
        }
        if (node is YamlSequenceNode sequence)
        {
            return sequence.Children.ToList();
        }
        Error(node, $"'{key}' must be a list, not {Describe(node)}");
        return null;
    }

    public IReadOnlyList<(string Value, SourceSpan Span)> Strings(string key)
    {
        var items = Sequence(key);
        if (items is null)
        {
            return [];
        }
        var result = new List<(string, SourceSpan)>();
        foreach (var item in items)
        {
            if (item is YamlScalarNode { Value: { } text } && !IsNull(item))
            {
                result.Add((text, SpanOf(item, _file)));
            }
            else
            {
                Error(item, $"each entry of '{key}' must be text, not {Describe(item)}");
            }
        }
        return result;
    }

    public YamlMap Child(YamlMappingNode node) => new(node, _file, _errors, RuleId);

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "" or "~" or "null" };

    public static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode s when IsNull(s) => "an empty value",
        YamlScalarNode s => $"'{s.Value}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "an alias",
    };
}
