namespace Reticle.Rules.Compilation;

/// <summary>
/// The control entries and requirement rules of one pack that are in force throughout one stretch of
/// dates, in the pack's order. Deciding looks only at these instead of testing every version's period.
/// </summary>
internal sealed record PackSlice(CompiledControl[] Controls, CompiledRequirement[] Requirements);
