using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Syndicator.Core.Configuration;

/// <summary>
/// The one way every configuration section is bound and checked: bound from its section, its data annotations checked
/// (nested objects and lists too), then its cross-field rules (<see cref="IValidatableObject"/>), all at start-up; each
/// problem names the full key (<c>Intake:MaxTitleLength must be from 1 to 10000; it is -1.</c>). A value the binder
/// cannot read as its type is reported the same way, naming the key and never the value (which may be a secret).
/// </summary>
public static partial class SectionValidation
{
    /// <summary>Binds <typeparamref name="TOptions"/> to <paramref name="section"/> and checks it at start-up.</summary>
    public static OptionsBuilder<TOptions> AddValidatedSection<TOptions>(
        this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<IValidateOptions<TOptions>>(new Validator<TOptions>(section));
        return services.AddOptions<TOptions>()
            .Configure(o => Bind(configuration.GetSection(section), o, section, typeof(TOptions)))
            .ValidateOnStart();
    }

    /// <summary>The problems of <paramref name="options"/>, each naming its key under <paramref name="section"/>.</summary>
    public static IReadOnlyList<string> Problems(object options, string section)
    {
        var problems = new List<string>();
        Collect(options, section, problems, depth: 0);
        return problems;
    }

    private static void Bind(IConfigurationSection configuration, object options, string section, Type type)
    {
        try
        {
            configuration.Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            // The binder's message quotes the value, which may be a URL with a key in it: only the key is kept.
            var key = BinderKey().Match(ex.Message) is { Success: true } m ? m.Groups["key"].Value : section;
            throw new OptionsValidationException(section, type, [$"{key} has a value that cannot be read as its type (see docs/operations.md)."]);
        }
    }

    private static void Collect(object options, string prefix, List<string> problems, int depth)
    {
        foreach (var property in options.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var value = property.GetValue(options);
            var key = $"{prefix}:{property.Name}";
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
            {
                if (!attribute.IsValid(value))
                {
                    problems.Add($"{key} {Describe(attribute)}; it is {Shown(value, property)}.");
                }
            }

            if (depth < 4)
            {
                Nested(value, key, problems, depth);
            }
        }

        if (options is IValidatableObject rules)
        {
            foreach (var result in rules.Validate(new ValidationContext(options)))
            {
                var member = result.MemberNames.FirstOrDefault();
                var message = result.ErrorMessage ?? "is not valid";
                problems.Add(member is null || message.StartsWith(prefix, StringComparison.Ordinal) ? message : $"{prefix}:{member} {message}");
            }
        }
    }

    /// <summary>Options objects inside options (a webhook, a list of categories) are checked under their own keys.</summary>
    private static void Nested(object? value, string key, List<string> problems, int depth)
    {
        if (value is null || value is string || value.GetType().IsValueType)
        {
            return;
        }

        if (value is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                if (IsOptions(entry.Value))
                {
                    Collect(entry.Value!, $"{key}:{entry.Key}", problems, depth + 1);
                }
            }
        }
        else if (value is IList list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (IsOptions(list[i]))
                {
                    Collect(list[i]!, $"{key}:{i}", problems, depth + 1);
                }
            }
        }
        else if (IsOptions(value))
        {
            Collect(value, key, problems, depth + 1);
        }
    }

    private static bool IsOptions(object? value) =>
        value is not null && value.GetType() is { IsClass: true } type && type != typeof(string)
        && type.Namespace?.StartsWith("Syndicator.", StringComparison.Ordinal) == true;

    private static string Describe(ValidationAttribute attribute) => attribute switch
    {
        RangeAttribute range => $"must be from {range.Minimum} to {range.Maximum}",
        RequiredAttribute => "is required",
        LengthAttribute length => $"must have from {length.MinimumLength} to {length.MaximumLength} entries or characters",
        MaxLengthAttribute max => $"must have at most {max.Length} entries or characters",
        MinLengthAttribute min => $"must have at least {min.Length} entries or characters",
        StringLengthAttribute text => $"must have from {text.MinimumLength} to {text.MaximumLength} characters",
        _ => attribute.FormatErrorMessage("the value").TrimEnd('.'),
    };

    /// <summary>The value as a message may show it: never a secret's, and a list by its count.</summary>
    private static string Shown(object? value, PropertyInfo property) => value switch
    {
        null => "not set",
        _ when property.Name.Contains("Secret", StringComparison.Ordinal) || property.Name.Contains("Password", StringComparison.Ordinal)
            => "(not shown)",
        Uri => "(not shown: an address may hold a key)",
        string s => $"'{s}'",
        ICollection c => $"{c.Count} entries",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    [GeneratedRegex(" at '(?<key>[^']+)'")]
    private static partial Regex BinderKey();

    private sealed class Validator<TOptions>(string section) : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            var problems = Problems(options, section);
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
