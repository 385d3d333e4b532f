using System.Collections.Immutable;
using Reticle.Determination;
using Reticle.Model;

namespace Reticle.Tests.Content;

/// <summary>Transactions and determinations for the Dutch and EU semiconductor-equipment tests.</summary>
internal static class NlEuItems
{
    public static JurisdictionDetermination Decide(Transaction t, string jurisdiction) =>
        DeterminationEngine.Determine(BundledRules.Rules, BundledRules.Catalog.Complete(t)).Jurisdictions.Single(j => j.Jurisdiction == jurisdiction);

    /// <summary>A Dutch-made item with the given parameters (numbers or words), exported from the Netherlands to China unless said otherwise.</summary>
    public static Transaction Tool(string date, params (string Name, object Value)[] parameters) => Tool(date, "CN", Activity.Export, parameters);

    public static Transaction Tool(string date, string to, Activity activity, params (string Name, object Value)[] parameters)
    {
        var values = parameters.ToImmutableDictionary(p => p.Name, p => p.Value switch
        {
            string word => ParameterValue.Of(word),
            int n => ParameterValue.Of(n),
            decimal d => ParameterValue.Of(d),
            double d => ParameterValue.Of((decimal)d),
            var other => throw new ArgumentException($"parameter {p.Name}: {other}"),
        });
        return new Transaction
        {
            Id = $"T-{date}-{to}",
            Date = Transactions.Date(date),
            Activity = activity,
            From = CountryCode.Parse("NL"),
            To = CountryCode.Parse(to),
            Item = new Item { Parameters = values, UsControlledContentPercent = 0m },
        };
    }

    /// <summary>A catalogue item by SKU, sent from <paramref name="from"/> to China as <paramref name="activity"/>.</summary>
    public static Transaction Catalogued(string sku, string date, Activity activity = Activity.Export, string from = "NL", string to = "CN") => new()
    {
        Id = $"T-{sku}-{date}",
        Date = Transactions.Date(date),
        Activity = activity,
        From = CountryCode.Parse(from),
        To = CountryCode.Parse(to),
        Item = new Item { Sku = sku, UsControlledContentPercent = 0m },
    };
}
