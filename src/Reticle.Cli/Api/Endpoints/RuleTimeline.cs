using System.Text.Json.Nodes;
using Reticle.Determination;
using Reticle.Rules.Compilation;
using Reticle.Rules.Syntax;
using Reticle.Time;

namespace Reticle.Cli.Api.Endpoints;

/// <summary>
/// The rules in force over time for one kind of item, read off the loaded rule packs (never typed in twice):
/// per pack its period and publication date, per control entry of that kind its own period, the numeric
/// thresholds its condition compares (the top-level <c>and</c> terms of its <c>when</c>), the requirements that
/// name it, and which overlay (DCO) bands it reaches. The web console draws its "rules over time" picture from this.
/// </summary>
internal static class RuleTimeline
{
    /// <summary>The parameter whose bands the picture shows per row: the dedicated chuck overlay of a scanner.</summary>
    public const string OverlayParameter = "dedicatedChuckOverlayNm";

    /// <param name="drafts">The ids of draft packs among the rules (what-if): marked <c>draft</c>, so the picture can draw them apart.</param>
    public static JsonObject Build(RuleSet rules, string kind, IReadOnlySet<string>? drafts = null)
    {
        var controls = rules.Packs
            .SelectMany(p => p.Controls)
            .Select(c => (Control: c, Terms: Terms(c)))
            .Where(x => x.Terms is not null && IsOfKind(x.Terms, kind))
            .Select(x => (x.Control, Bounds: x.Terms!.Select(Bound).OfType<JsonObject>().ToList()))
            .ToList();

        // Bands between consecutive overlay thresholds, so each control either reaches a whole band or none of it.
        var thresholds = controls.SelectMany(x => x.Bounds)
            .Where(b => (string)b["parameter"]! == OverlayParameter)
            .Select(b => (decimal)b["value"]!)
            .Distinct().Order().ToList();
        var bands = new List<(decimal? Above, decimal? AtMost)>();
        for (var i = 0; i <= thresholds.Count && thresholds.Count > 0; i++)
        {
            bands.Add((i == 0 ? null : thresholds[i - 1], i == thresholds.Count ? null : thresholds[i]));
        }

        var packs = new JsonArray();
        foreach (var pack in rules.Packs.Where(p => controls.Any(c => c.Control.Pack == p.Source)).OrderBy(p => p.Source.Jurisdiction, StringComparer.Ordinal).ThenBy(p => p.Effective.From))
        {
            var entries = new JsonArray();
            foreach (var (control, bounds) in controls.Where(c => c.Control.Pack == pack.Source))
            {
                var overlay = bounds.Where(b => (string)b["parameter"]! == OverlayParameter).ToList();
                entries.Add(new JsonObject
                {
                    ["id"] = control.QualifiedId,
                    ["title"] = control.Definition.Title,
                    ["citation"] = control.Definition.Citation,
                    ["confidence"] = control.Confidence.ToString().ToLowerInvariant(),
                    ["from"] = Date(control.Effective.From),
                    ["until"] = control.Effective.Until is { } until ? Date(until) : null,
                    ["when"] = control.Definition.Condition.Text.Trim(),
                    ["bounds"] = new JsonArray([.. bounds]),
                    // Only entries that name an overlay limit are placed in bands; the others do not depend on overlay.
                    ["overlayBands"] = overlay.Count == 0 ? null
                        : new JsonArray([.. bands.Select((band, index) => (band, index)).Where(x => Reaches(overlay, x.band)).Select(x => (JsonNode?)x.index)]),
                    ["requirements"] = new JsonArray([.. rules.Packs.SelectMany(p => p.Requirements)
                        .Where(r => r.Items.Any(i => i.QualifiedId == control.QualifiedId) && r.Effective.Overlaps(control.Effective))
                        .Select(r => (JsonNode?)new JsonObject { ["id"] = r.Id, ["title"] = r.Definition.Title, ["effect"] = r.Definition.Effect.ToWire() })]),
                });
            }
            packs.Add(new JsonObject
            {
                ["pack"] = pack.Source.Id,
                ["version"] = pack.Source.Version,
                ["draft"] = drafts?.Contains(pack.Source.Id) ?? false,
                ["jurisdiction"] = pack.Source.Jurisdiction,
                ["title"] = pack.Source.Title,
                ["citation"] = pack.Source.Citation,
                ["published"] = Date(pack.Source.Published),
                ["from"] = Date(pack.Effective.From),
                ["until"] = pack.Effective.Until is { } end ? Date(end) : null,
                ["confidence"] = pack.Source.Confidence.ToString().ToLowerInvariant(),
                ["controls"] = entries,
            });
        }

        return new JsonObject
        {
            ["kind"] = kind,
            ["ruleSet"] = rules.Hash,
            ["jurisdictions"] = new JsonArray([.. rules.Jurisdictions.Select(j => (JsonNode?)j)]),
            ["overlayParameter"] = OverlayParameter,
            ["overlayBands"] = new JsonArray([.. bands.Select(b => (JsonNode?)new JsonObject { ["above"] = b.Above, ["atMost"] = b.AtMost })]),
            ["packs"] = packs,
        };
    }

    /// <summary>The top-level <c>and</c> terms of a control's condition; null if it does not parse (the loader would have refused it).</summary>
    private static List<Expr>? Terms(CompiledControl control)
    {
        var expr = ExpressionParser.TryParse(control.Definition.Condition.Text, out _);
        if (expr is null)
        {
            return null;
        }
        var terms = new List<Expr>();
        Flatten(expr, terms);
        return terms;
    }

    private static void Flatten(Expr expr, List<Expr> terms)
    {
        if (expr is AllOf all)
        {
            foreach (var operand in all.Operands)
            {
                Flatten(operand, terms);
            }
        }
        else
        {
            terms.Add(expr);
        }
    }

    private static bool IsOfKind(List<Expr> terms, string kind) => terms.Any(t => t is Comparison
    {
        Operator: ComparisonOperator.Equal,
        Left: Name { Identifier: "kind" },
        Right: var right,
    } && (right is Name { Identifier: var word } && word == kind || right is TextLiteral { Value: var text } && text == kind));

    /// <summary>A term that compares a parameter (or a formula such as <c>mrf(K = 0.25)</c>) with a number, as JSON.</summary>
    private static JsonObject? Bound(Expr term)
    {
        if (term is not Comparison { Right: NumberLiteral number } comparison || comparison.Operator is ComparisonOperator.Equal or ComparisonOperator.NotEqual)
        {
            return null;
        }
        var parameter = comparison.Left switch
        {
            Name name => name.Identifier,
            Call call => $"{call.Function}({string.Join(", ", call.Arguments.Select(a => a.Name.Length == 0 ? Text(a.Value) : $"{a.Name} = {Text(a.Value)}"))})",
            _ => null,
        };
        return parameter is null ? null : new JsonObject
        {
            ["parameter"] = parameter,
            ["operator"] = comparison.Operator.Symbol(),
            ["value"] = number.Value,
            ["unit"] = number.Unit,
        };
    }

    private static string Text(Expr value) => value switch
    {
        NumberLiteral n => n.Text,
        Name n => n.Identifier,
        TextLiteral t => t.Value,
        _ => "…",
    };

    /// <summary>Whether every overlay bound of an entry holds across the whole band (above, atMost].</summary>
    private static bool Reaches(List<JsonObject> overlay, (decimal? Above, decimal? AtMost) band) => overlay.All(b =>
    {
        var value = (decimal)b["value"]!;
        return (string)b["operator"]! switch
        {
            "<=" => band.AtMost is { } top && top <= value,
            "<" => band.AtMost is { } top && top < value,
            ">" => band.Above is { } bottom && bottom >= value,
            ">=" => band.Above is { } bottom && bottom >= value,
            _ => false,
        };
    });

    private static string Date(NodaTime.LocalDate date) => EffectivePeriod.Format(date);
}
