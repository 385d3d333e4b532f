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

    public static TheoryData<Type> DomainTypes() => new(typeof(Transaction).Assembly.GetExportedTypes()
        .Where(t => Namespaces.Contains(t.Namespace) && !t.IsEnum && !t.IsInterface && !(t.IsAbstract && t.IsSealed)));

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
}
