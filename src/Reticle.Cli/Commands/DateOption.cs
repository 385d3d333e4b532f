using System.CommandLine;
using NodaTime;
using Reticle.Input;

namespace Reticle.Cli.Commands;

/// <summary>An option holding an ISO date; an impossible date (2023-02-30) or one outside the years accepted (InputDate) is a usage error naming the option.</summary>
internal static class DateOption
{
    public static Option<LocalDate?> Create(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "YYYY-MM-DD",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (InputDate.Parse(text, out var error) is { } date)
            {
                return date;
            }
            result.AddError($"{name}: {error}");
            return null;
        },
    };
}
