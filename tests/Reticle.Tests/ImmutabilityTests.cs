using System.Reflection;
using System.Runtime.CompilerServices;
using Reticle.Model;

namespace Reticle.Tests;

/// <summary>
/// The domain types are immutable (after NodaTime's MutabilityTest): no public settable property
/// and no public mutable field, so a decision cannot change once made.
/// </summary>
public sealed class ImmutabilityTests
{
    private static readonly string[] Namespaces =
        ["Reticle.Model", "Reticle.Time", "Reticle.Determination", "Reticle.Rules.Packs", "Reticle.Catalog", "Reticle.Audit", "Reticle.Input",
         "Reticle.Screening", "Reticle.Screening.Import", "Reticle.Screening.Matching", "Reticle.Screening.Batch", "Reticle.Licensing"];

    // Exceptions are left out: they carry a refusal out of the engine, not a decision, and System.Exception's own HelpLink
    // and Source setters are not theirs to remove.
    public static TheoryData<Type> DomainTypes() => new(typeof(Transaction).Assembly.GetExportedTypes()
        .Where(t => Namespaces.Contains(t.Namespace) && !t.IsEnum && !t.IsInterface && !(t.IsAbstract && t.IsSealed) && !typeof(Exception).IsAssignableFrom(t)));

    [Theory]
    [MemberData(nameof(DomainTypes))]
    public void Domain_types_have_no_public_setters_or_mutable_fields(Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var setter = property.SetMethod;
            if (setter is { IsPublic: true })
            {
                setter.ReturnParameter.GetRequiredCustomModifiers().ShouldContain(typeof(IsExternalInit), $"{type.Name}.{property.Name} has a public setter");
            }
        }
        type.GetFields(BindingFlags.Public | BindingFlags.Instance).Where(f => !f.IsInitOnly).ShouldBeEmpty();
    }

    // The compiled model (rule sets, packs, entries, rules, conditions) is shared by every decision and every thread of
    // the API. Left out: the compiler that builds it, and the per-decision scratch a decision fills in as it goes.
    private static readonly Type[] CompilationScratch =
        [typeof(Reticle.Rules.Compilation.Facts), typeof(Reticle.Rules.Compilation.Explanation)];

    public static TheoryData<Type> CompiledModelTypes() => new(CompiledModel());

    private static IEnumerable<Type> CompiledModel() => typeof(Reticle.Rules.Compilation.RuleSet).Assembly.GetTypes()
        .Where(t => t.Namespace == "Reticle.Rules.Compilation" && !t.IsEnum && !t.IsInterface && !(t.IsAbstract && t.IsSealed)
            && !typeof(Exception).IsAssignableFrom(t) && !t.IsDefined(typeof(CompilerGeneratedAttribute))
            && !CompilationScratch.Contains(t) && !t.Name.Contains("Compiler", StringComparison.Ordinal)
            && !(t.DeclaringType?.Name.Contains("Compiler", StringComparison.Ordinal) ?? false));

    [Fact]
    public void The_compiled_model_types_are_found() =>
        CompiledModel().ShouldContain(typeof(Reticle.Rules.Compilation.CompiledPack));

    [Theory]
    [MemberData(nameof(CompiledModelTypes))]
    public void Compiled_model_types_are_built_whole_and_never_changed(Type type)
    {
        const BindingFlags Instance = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        foreach (var property in type.GetProperties(Instance))
        {
            if (property.SetMethod is { } setter)
            {
                setter.ReturnParameter.GetRequiredCustomModifiers().ShouldContain(typeof(IsExternalInit), $"{type.Name}.{property.Name} has a setter");
            }
        }
        // Primary-constructor parameters are captured as compiler-made fields ("<list>P"), assigned only by the constructor.
        type.GetFields(Instance).Where(f => !f.IsInitOnly && !f.IsLiteral && !f.Name.EndsWith(">P", StringComparison.Ordinal))
            .Select(f => f.Name).ShouldBeEmpty($"{type.Name} has fields that can change after construction");
    }
}
