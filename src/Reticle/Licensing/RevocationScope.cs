using System.Collections.Immutable;

namespace Reticle.Licensing;

/// <summary>What a revocation withdraws: the whole licence, some of its lines, or its use for one party.</summary>
public abstract record RevocationScope
{
    private RevocationScope()
    {
    }

    public static RevocationScope Whole { get; } = new WholeLicense();

    public static RevocationScope ForLines(IEnumerable<int> numbers) => new Lines([.. numbers.Distinct().Order()]);

    public static RevocationScope ForParty(string name) => new Party(name);

    public sealed record WholeLicense : RevocationScope
    {
        public override string ToString() => "whole licence";
    }

    /// <summary>The 1-based line numbers withdrawn.</summary>
    public sealed record Lines(ImmutableArray<int> Numbers) : RevocationScope
    {
        public override string ToString() => $"line{(Numbers.Length == 1 ? "" : "s")} {string.Join(", ", Numbers)}";
    }

    /// <summary>
    /// The licence no longer covers acts involving this party in any role (the 2024 Dutch partial
    /// revocation withdrew the licence for "a small number of customers").
    /// </summary>
    public sealed record Party(string Name) : RevocationScope
    {
        public override string ToString() => $"party '{Name}'";
    }
}
