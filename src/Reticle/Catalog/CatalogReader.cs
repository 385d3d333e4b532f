using System.Collections.Immutable;
using Reticle.Model;
using Reticle.Rules.Packs;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Reticle.Catalog;

/// <summary>
/// Reads a catalogue file (<c>content/catalog/*.yaml</c>). Every numeric parameter must say where
/// its value comes from (<c>source</c>) and may be marked <c>approximate</c>: figures that decide a
/// licence requirement must be traceable.
/// </summary>
public static class CatalogReader
{
    public static IReadOnlyList<CatalogItem> Read(string file, string text, List<PackError> errors)
    {
        var before = errors.Count;
        if (YamlMap.Load(file, text, errors, "a catalogue is one YAML document with a top-level 'items' list") is not { } map)
        {
            return [];
        }
        var items = new List<CatalogItem>();
        foreach (var node in map.Sequence("items") ?? [])
        {
            if (node is not YamlMappingNode entry)
            {
                map.Error(node, "each catalogue item must be a mapping");
                continue;
            }
            if (ReadItem(map.Child(entry)) is { } item)
            {
                if (items.Any(i => string.Equals(i.Sku, item.Sku, StringComparison.OrdinalIgnoreCase)))
                {
                    map.Error(node, $"duplicate sku '{item.Sku}'");
                    continue;
                }
                items.Add(item);
            }
        }
        map.RejectUnknownKeys("a catalogue");
        return errors.Count > before ? [] : items;
    }

    private static CatalogItem? ReadItem(YamlMap m)
    {
        var sku = m.String("sku", required: true);
        m.RuleId = sku;
        var aliases = m.Strings("aliases").Select(a => a.Value).ToImmutableArray();
        var description = m.String("description");
        var manufacturer = m.String("manufacturer");
        var speciallyDesignedFor = m.String("speciallyDesignedFor");
        var originText = m.String("origin");
        CountryCode? origin = null;
        if (originText is not null)
        {
            if (CountryCode.TryParse(originText, out var code))
            {
                origin = code;
            }
            else
            {
                m.Error(m.Node("origin")!, $"unknown country code '{originText}'");
            }
        }
        var parameters = ImmutableDictionary.CreateBuilder<string, ParameterValue>(StringComparer.Ordinal);
        var sources = ImmutableDictionary.CreateBuilder<string, ParameterSource>(StringComparer.Ordinal);
        if (m.Map("parameters", required: true) is { } p)
        {
            foreach (var (name, value, _) in p.Entries())
            {
                switch (value)
                {
                    case YamlScalarNode { Value: { } word }:
                        parameters[name] = ParameterValue.Of(word);
                        break;
                    case YamlMappingNode numberNode:
                        var n = p.Child(numberNode);
                        var number = n.Number("value", required: true);
                        var source = n.String("source", required: true);
                        var approximate = n.Boolean("approximate") ?? false;
                        n.RejectUnknownKeys($"parameter '{name}'");
                        if (number is not null && source is not null)
                        {
                            parameters[name] = ParameterValue.Of(number.Value);
                            sources[name] = new ParameterSource(source, approximate);
                        }
                        break;
                    default:
                        p.Error(value, $"parameter '{name}' is a word or {{ value, source, approximate }}");
                        break;
                }
            }
        }
        m.RejectUnknownKeys($"catalogue item '{sku}'");
        return sku is null ? null
            : new CatalogItem(sku, aliases, description, manufacturer, origin, parameters.ToImmutable(), sources.ToImmutable())
            {
                SpeciallyDesignedFor = speciallyDesignedFor,
            };
    }
}
