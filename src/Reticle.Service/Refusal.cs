using System.Collections.Immutable;
using Reticle.Input;

namespace Reticle.Service;

/// <summary>
/// Why a use case did nothing: its kind (which the command line answers with exit code 1, and the API with 400, 404, 409
/// or 403) and each problem with where it is (a file and line, a JSON path, an option, a record's id) and what is wrong.
/// A value, not a message: each host maps it once (<c>Refusals</c> in the command line, <c>Problems</c> in the API), and
/// nothing splits text to find the place again.
/// </summary>
internal sealed record Refusal(Rejection Kind, ImmutableArray<InputError> Problems)
{
    public static Refusal Invalid(IEnumerable<InputError> problems) => new(Rejection.Invalid, [.. problems]);

    public static Refusal Invalid(string where, string what) => new(Rejection.Invalid, [new InputError(where, what)]);

    public static Refusal NotFound(string where, string what) => new(Rejection.NotFound, [new InputError(where, what)]);

    public static Refusal Conflict(IEnumerable<InputError> problems) => new(Rejection.Conflict, [.. problems]);

    public static Refusal Conflict(string where, string what) => new(Rejection.Conflict, [new InputError(where, what)]);

    /// <summary>The problems as the store words them, all about <paramref name="where"/> (the store names no place of its own).</summary>
    public static Refusal Conflict(string where, IEnumerable<string> problems) => Conflict(problems.Select(p => new InputError(where, p)));

    public static Refusal Forbidden(string where, string what) => new(Rejection.Forbidden, [new InputError(where, what)]);
}
