using System.Collections.Immutable;
using Reticle.Determination;
using Reticle.Model;
using static Reticle.Tests.Transactions;

namespace Reticle.Tests.Content;

/// <summary>A tool exported from Japan to China with the parameters a test gives, and what the JP packs make of it.</summary>
internal static class JapaneseTool
{
    public const string List = "JP-METI-Goods-Order ";

    /// <summary>Builds a parameter from a test's literal: numbers become decimals, text stays a word.</summary>
    public static (string Name, ParameterValue Value) P(string name, object value) => (name, value switch
    {
        string text => ParameterValue.Of(text),
        double d => ParameterValue.Of((decimal)d),
        int i => ParameterValue.Of(i),
        decimal m => ParameterValue.Of(m),
        _ => throw new ArgumentException($"unsupported parameter value {value}"),
    });

    public static Transaction Export(string date, IEnumerable<(string Name, ParameterValue Value)> parameters) => new()
    {
        Id = "JP-" + date,
        Date = Date(date),
        Activity = Activity.Export,
        From = CountryCode.Parse("JP"),
        To = CountryCode.Parse("CN"),
        Item = new Item { Parameters = parameters.ToImmutableDictionary(p => p.Name, p => p.Value), UsControlledContentPercent = 0m },
    };

    public static JurisdictionDetermination Decide(string date, params (string Name, ParameterValue Value)[] parameters) =>
        DeterminationEngine.Determine(BundledRules.Rules, Export(date, parameters), null, []).Jurisdictions.Single(j => j.Jurisdiction == "JP");

    /// <summary>The JP entries (without the list name) the tool falls under on the date.</summary>
    public static ImmutableArray<string> Entries(string date, params (string Name, ParameterValue Value)[] parameters) =>
        [.. Decide(date, parameters).Classifications.Where(c => c.StartsWith(List, StringComparison.Ordinal)).Select(c => c[List.Length..])];

    /// <summary>The same parameters with one replaced or added.</summary>
    public static (string Name, ParameterValue Value)[] With(this (string Name, ParameterValue Value)[] parameters, string name, object value) =>
        [.. parameters.Where(p => p.Name != name), P(name, value)];
}
