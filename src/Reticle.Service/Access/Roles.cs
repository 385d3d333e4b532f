namespace Reticle.Service.Access;

/// <summary>Role names on the wire and the roles a role includes.</summary>
internal static class Roles
{
    public const string Viewer = "viewer";
    public const string Analyst = "analyst";
    public const string Reviewer = "reviewer";
    public const string Admin = "admin";

    public static IReadOnlyList<string> Names { get; } = [Viewer, Analyst, Reviewer, Admin];

    public static bool TryParse(string? text, out Role role)
    {
        var index = text is null ? -1 : Names.ToList().IndexOf(text.Trim().ToLowerInvariant());
        role = index < 0 ? Role.Viewer : (Role)index;
        return index >= 0;
    }

    public static string ToWire(this Role role) => Names[(int)role];

    /// <summary>The role itself and every role below it: an admin is also a reviewer, an analyst and a viewer.</summary>
    public static IEnumerable<string> Included(this Role role) => Names.Take((int)role + 1);
}
