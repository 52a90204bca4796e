using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using System.Xml.XPath;

namespace Syndicator.Channels.Jcms;

/// <summary>The configured reply rules (<see cref="JcmsReplyOptions"/>), compiled once per channel.</summary>
internal sealed class JcmsReplyRules
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    public JcmsReplyRules(JcmsReplyOptions options)
    {
        Success = new Rule(options.Success);
        Id = new Rule(options.Id);
        Url = new Rule(options.Url);
        AuthFailed = new Rule(options.AuthFailed);
        Refused = new Rule(options.Refused);
    }

    public Rule Success { get; }

    public Rule Id { get; }

    public Rule Url { get; }

    public Rule AuthFailed { get; }

    public Rule Refused { get; }

    /// <summary>The problem with <paramref name="rule"/> as configured under <paramref name="key"/>; null when fine.</summary>
    public static string? Check(JcmsReplyRule rule, string key)
    {
        if (!string.IsNullOrWhiteSpace(rule.XPath) && !string.IsNullOrWhiteSpace(rule.Regex))
        {
            return $"{key} sets both XPath and Regex; set one";
        }

        if (!string.IsNullOrWhiteSpace(rule.XPath))
        {
            try
            {
                XPathExpression.Compile(rule.XPath);
            }
            catch (XPathException)
            {
                return $"{key}:XPath is not an XPath expression; got '{rule.XPath}'";
            }
        }

        foreach (var (name, pattern) in new[] { ("Regex", rule.Regex), ("Value", rule.Value) })
        {
            if (!string.IsNullOrWhiteSpace(pattern))
            {
                try
                {
                    _ = new Regex(pattern, RegexOptions.CultureInvariant, RegexTimeout);
                }
                catch (ArgumentException)
                {
                    return $"{key}:{name} is not a regular expression; got '{pattern}'";
                }
            }
        }

        return null;
    }

    /// <summary>One rule, applied to a reply's text (and its XML, when the rule is an XPath and the text parses).</summary>
    internal sealed class Rule
    {
        private readonly string? _xpath;
        private readonly Regex? _value;
        private readonly Regex? _regex;

        public Rule(JcmsReplyRule rule)
        {
            _xpath = string.IsNullOrWhiteSpace(rule.XPath) ? null : rule.XPath;
            _value = string.IsNullOrWhiteSpace(rule.Value) ? null : new Regex(rule.Value, RegexOptions.CultureInvariant, RegexTimeout);
            _regex = string.IsNullOrWhiteSpace(rule.Regex) ? null : new Regex(rule.Regex, RegexOptions.CultureInvariant, RegexTimeout);
        }

        public bool IsSet => _xpath is not null || _regex is not null;

        public bool Matches(Reply reply) => Extract(reply, requireValue: true) is not null;

        /// <summary>What the rule reads from the reply: the XPath's text, or the regex's first group (else its match).</summary>
        public string? Read(Reply reply) => Extract(reply, requireValue: false) is { Length: > 0 } text ? text : null;

        private string? Extract(Reply reply, bool requireValue)
        {
            try
            {
                if (_regex is not null)
                {
                    var match = _regex.Match(reply.Text);
                    return !match.Success ? null : (match.Groups.Count > 1 ? match.Groups[1].Value : match.Value).Trim();
                }

                if (_xpath is null || reply.Xml is not { } xml)
                {
                    return null;
                }

                var text = xml.XPathEvaluate(_xpath) switch
                {
                    IEnumerable<object> nodes => nodes.Select(static n => n switch
                    {
                        XElement e => e.Value,
                        XAttribute a => a.Value,
                        XText t => t.Value,
                        _ => null,
                    }).FirstOrDefault(static v => v is not null),
                    bool b => b ? "true" : null,
                    var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture),
                };
                if (text is null)
                {
                    return null;
                }

                text = text.Trim();
                return !requireValue || _value is null || _value.IsMatch(text) ? text : null;
            }
            catch (Exception ex) when (ex is RegexMatchTimeoutException or XPathException or InvalidOperationException)
            {
                return null;
            }
        }
    }

    /// <summary>A reply's text, and its XML when it is a well-formed document.</summary>
    internal sealed class Reply
    {
        private readonly Lazy<XDocument?> _xml;

        public Reply(string? text)
        {
            Text = text ?? "";
            _xml = new Lazy<XDocument?>(() => Parse(Text));
        }

        public string Text { get; }

        public XDocument? Xml => _xml.Value;

        private static XDocument? Parse(string text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            try
            {
                var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
                using var reader = XmlReader.Create(new StringReader(text.Trim()), settings);
                return XDocument.Load(reader);
            }
            catch (XmlException)
            {
                return null;
            }
        }
    }
}
