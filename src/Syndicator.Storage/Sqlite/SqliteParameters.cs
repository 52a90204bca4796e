using System.Collections;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Data.Sqlite;

namespace Syndicator.Storage.Sqlite;

/// <summary>
/// Binds a script's arguments — an object whose properties are named after the script's <c>@parameters</c> — onto a
/// prepared command, as Dapper would for plain values. Arguments with anything else in them (a list Dapper expands, a
/// value Dapper maps through a type handler or a <c>DbType</c>) are left to Dapper.
/// </summary>
internal static class SqliteParameters
{
    private static readonly HashSet<Type> Plain =
    [
        typeof(string), typeof(byte[]), typeof(bool), typeof(byte), typeof(short), typeof(int), typeof(long),
        typeof(double), typeof(float),
    ];

    private static readonly ConcurrentDictionary<Type, Accessor[]?> Accessors = new();

    /// <summary>True when every property of <paramref name="args"/> is a plain value (or there are no arguments).</summary>
    public static bool CanBind(object? args) => args is null || AccessorsOf(args.GetType()) is not null;

    public static void Bind(SqliteCommand command, object? args)
    {
        if (args is null)
        {
            return;
        }

        foreach (var accessor in AccessorsOf(args.GetType())!)
        {
            command.Parameters.Add(new SqliteParameter(accessor.Name, accessor.Get(args) ?? DBNull.Value));
        }
    }

    private static Accessor[]? AccessorsOf(Type type) => Accessors.GetOrAdd(type, Build);

    private static Accessor[]? Build(Type type)
    {
        if (typeof(IEnumerable).IsAssignableFrom(type) || type.IsValueType)
        {
            return null;
        }

        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .ToList();
        if (properties.Any(p => !Plain.Contains(Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType)))
        {
            return null;
        }

        return [.. properties.Select(p => new Accessor("@" + p.Name, Getter(type, p)))];
    }

    private static Func<object, object?> Getter(Type type, PropertyInfo property)
    {
        var instance = Expression.Parameter(typeof(object), "args");
        var read = Expression.Property(Expression.Convert(instance, type), property);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), instance).Compile();
    }

    private sealed record Accessor(string Name, Func<object, object?> Get);
}
