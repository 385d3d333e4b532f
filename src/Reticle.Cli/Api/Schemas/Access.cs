using System.ComponentModel;
using Roles = Reticle.Service.Access.Role;

namespace Reticle.Cli.Api.Schemas;

// GET /api/v1/me and the health answers.

[Description("The calling key.")]
internal sealed record Caller
{
    public required string? Name { get; init; }

    [WireValues(typeof(Roles)), Description("The key's role; each role includes the ones before it.")]
    public required string? Role { get; init; }
}

internal sealed record Health
{
    [Description("Always ok when the server answers.")]
    public required string Status { get; init; }

    [Description("The hash of the loaded rule set.")]
    public required string RuleSet { get; init; }

    public required int RulePacks { get; init; }

    public required IReadOnlyDictionary<string, string> ListVersions { get; init; }
}
