using System.Data.Common;
using System.Globalization;
using Dapper;

namespace Syndicator.Storage.Sqlite;

/// <summary>Values and rows read from a prepared command, converted as Dapper converts them.</summary>
internal static class SqliteValues
{
    /// <summary>A single value as <typeparamref name="T"/> (Dapper's rules: null for DBNull, enums by value, else <see cref="Convert.ChangeType(object, Type, IFormatProvider)"/>).</summary>
    public static T? Parse<T>(object? value)
    {
        if (value is null or DBNull)
        {
            return default;
        }

        if (value is T typed)
        {
            return typed;
        }

        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (type.IsEnum)
        {
            return (T)Enum.ToObject(type, value is float or double or decimal
                ? Convert.ChangeType(value, Enum.GetUnderlyingType(type), CultureInfo.InvariantCulture)
                : value);
        }

        return (T)Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
    }

    /// <summary>How a row of <paramref name="reader"/> becomes a <typeparamref name="T"/>: its first column for a value, else Dapper's row parser (kept with the command).</summary>
    public static Func<DbDataReader, T> ParserFor<T>(CachedCommand cached, DbDataReader reader)
    {
        if (IsValue(typeof(T)))
        {
            return static r => Parse<T>(r.GetValue(0))!;
        }

        if (cached.Parser is Func<DbDataReader, T> known)
        {
            return known;
        }

        var parser = reader.GetRowParser<T>();
        cached.Parser = parser;
        return parser;
    }

    private static bool IsValue(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(byte[])
            || type == typeof(Guid) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan);
    }
}
