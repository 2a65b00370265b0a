import { createRequire as __bwCreateRequire } from 'node:module';
import { fileURLToPath as __bwFileURLToPath } from 'node:url';
import { dirname as __bwDirname } from 'node:path';
const require = __bwCreateRequire(import.meta.url);
const __bwFilename = __bwFileURLToPath(import.meta.url);
const __bwDirnameValue = __bwDirname(__bwFilename);
import {
  answerText,
  formatUsd,
  readLineAt,
  scanLines,
  stringify
} from "./chunk-VMWTP7T6.js";
import {
  formatLineProblems,
  readJsonlLines,
  usageTokens,
  validateLine
} from "./chunk-ZIDOD6TB.js";

// src/shared/clock.ts
function now(env = process.env) {
  const pinned = env.BATCHWISE_NOW;
  if (pinned === void 0 || pinned === "") return /* @__PURE__ */ new Date();
  const t = Date.parse(pinned);
  if (Number.isNaN(t)) throw new Error(`BATCHWISE_NOW must be an ISO date like 2026-12-01, got "${pinned}"`);
  return new Date(t);
}

// src/prepare/prepareRequests.ts
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { once } from "node:events";
import { basename as basename2, dirname, join } from "node:path";

// src/prepare/customId.ts
function rowCustomId(row, idColumn) {
  if (idColumn === void 0) return { id: `row-${row.row}` };
  if (!(idColumn in row.values)) return { problem: `row ${row.row} has no id column "${idColumn}"` };
  const id = row.values[idColumn];
  if (id.trim().length === 0) return { problem: `row ${row.row} has an empty id in column "${idColumn}"` };
  return { id };
}
var IdRegistry = class {
  first = /* @__PURE__ */ new Map();
  /** Null when the id is new; else the problem, naming the earlier row. */
  add(id, row) {
    const seen = this.first.get(id);
    if (seen) return `row ${row.row} repeats the id ${JSON.stringify(id)} of row ${seen.row} (line ${seen.line})`;
    this.first.set(id, { row: row.row, line: row.line });
    return null;
  }
};

// src/prepare/errors.ts
var SHOWN_PROBLEMS = 20;
var DataFileError = class extends Error {
  file;
  problems;
  constructor(file, problems, shown = SHOWN_PROBLEMS) {
    super(formatLineProblems(file, problems, shown));
    this.name = "DataFileError";
    this.file = file;
    this.problems = problems;
  }
};
var TemplateError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "TemplateError";
  }
};

// src/prepare/placeholders.ts
var PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;
function placeholdersIn(text) {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}
function fillPlaceholders(text, values) {
  return text.replace(PLACEHOLDER, (_, column) => {
    const value = values[column];
    if (value === void 0) throw new Error(`fillPlaceholders: no value for "${column}" (unchecked row)`);
    return value;
  });
}
function missingColumns(columns, values) {
  return columns.filter((c) => !(c in values));
}

// src/prepare/readDataRows.ts
import { createReadStream } from "node:fs";
import { extname } from "node:path";

// node_modules/csv-parse/lib/index.js
import { Transform } from "stream";

// node_modules/csv-parse/lib/utils/is_object.js
var is_object = function(obj) {
  return typeof obj === "object" && obj !== null && !Array.isArray(obj);
};

// node_modules/csv-parse/lib/api/CsvError.js
var CsvError = class _CsvError extends Error {
  constructor(code, message, options, ...contexts) {
    if (Array.isArray(message)) message = message.join(" ").trim();
    super(message);
    if (Error.captureStackTrace !== void 0) {
      Error.captureStackTrace(this, _CsvError);
    }
    this.code = code;
    for (const context of contexts) {
      for (const key in context) {
        const value = context[key];
        this[key] = Buffer.isBuffer(value) ? value.toString(options.encoding) : value == null ? value : JSON.parse(JSON.stringify(value));
      }
    }
  }
};

// node_modules/csv-parse/lib/api/normalize_columns_array.js
var normalize_columns_array = function(columns) {
  const normalizedColumns = [];
  for (let i = 0, l = columns.length; i < l; i++) {
    const column = columns[i];
    if (column === void 0 || column === null || column === false) {
      normalizedColumns[i] = { disabled: true };
    } else if (typeof column === "string" || typeof column === "number") {
      normalizedColumns[i] = { name: `${column}` };
    } else if (is_object(column)) {
      if (typeof column.name !== "string") {
        throw new CsvError("CSV_OPTION_COLUMNS_MISSING_NAME", [
          "Option columns missing name:",
          `property "name" is required at position ${i}`,
          "when column is an object literal"
        ]);
      }
      normalizedColumns[i] = column;
    } else {
      throw new CsvError("CSV_INVALID_COLUMN_DEFINITION", [
        "Invalid column definition:",
        "expect a string or a literal object,",
        `got ${JSON.stringify(column)} at position ${i}`
      ]);
    }
  }
  return normalizedColumns;
};

// node_modules/csv-parse/lib/utils/ResizeableBuffer.js
var ResizeableBuffer = class {
  constructor(size = 100) {
    this.size = size;
    this.length = 0;
    this.buf = Buffer.allocUnsafe(size);
  }
  prepend(val) {
    if (Buffer.isBuffer(val)) {
      const length = this.length + val.length;
      if (length >= this.size) {
        this.resize();
        if (length >= this.size) {
          throw Error("INVALID_BUFFER_STATE");
        }
      }
      const buf = this.buf;
      this.buf = Buffer.allocUnsafe(this.size);
      val.copy(this.buf, 0);
      buf.copy(this.buf, val.length);
      this.length += val.length;
    } else {
      const length = this.length++;
      if (length === this.size) {
        this.resize();
      }
      const buf = this.clone();
      this.buf[0] = val;
      buf.copy(this.buf, 1, 0, length);
    }
  }
  append(val) {
    const length = this.length++;
    if (length === this.size) {
      this.resize();
    }
    this.buf[length] = val;
  }
  clone() {
    return Buffer.from(this.buf.slice(0, this.length));
  }
  resize() {
    const length = this.length;
    this.size = this.size * 2;
    const buf = Buffer.allocUnsafe(this.size);
    this.buf.copy(buf, 0, 0, length);
    this.buf = buf;
  }
  toString(encoding) {
    if (encoding) {
      return this.buf.toString(encoding, 0, this.length);
    } else {
      return Uint8Array.prototype.slice.call(this.buf.slice(0, this.length));
    }
  }
  toJSON() {
    return this.toString("utf8");
  }
  reset() {
    this.length = 0;
  }
};
var ResizeableBuffer_default = ResizeableBuffer;

// node_modules/csv-parse/lib/api/init_state.js
var init_state = function(options) {
  const timchars = [
    // Basic Latin
    32,
    // [Space](https://www.fileformat.info/info/unicode/char/0020/index.htm)
    9,
    // [CHARACTER TABULATION (HT)](https://www.fileformat.info/info/unicode/char/0009/index.htm)
    10,
    // [LINE FEED (LF)](https://www.fileformat.info/info/unicode/char/000a/index.htm)
    13,
    // [CARRIAGE RETURN (CR)](https://www.fileformat.info/info/unicode/char/000d/index.htm)
    12,
    // [FORM FEED (FF)](https://www.fileformat.info/info/unicode/char/000c/index.htm)
    11,
    // [LINE TABULATION (VT)](https://www.fileformat.info/info/unicode/char/000b/index.htm)
    // Latin-1 Supplement
    160,
    // [NO-BREAK SPACE (NBSP)](https://www.fileformat.info/info/unicode/char/00a0/index.htm)
    // Ogham
    5760,
    // [OGHAM SPACE MARK](https://www.fileformat.info/info/unicode/char/1680/index.htm)
    // General Punctuation
    8192,
    // [EN QUAD](https://www.fileformat.info/info/unicode/char/2000/index.htm)
    8193,
    // [EM QUAD](https://www.fileformat.info/info/unicode/char/2001/index.htm)
    8194,
    // [EN SPACE](https://www.fileformat.info/info/unicode/char/2002/index.htm)
    8195,
    // [EM SPACE](https://www.fileformat.info/info/unicode/char/2003/index.htm)
    8196,
    // [THREE-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2004/index.htm)
    8197,
    // [FOUR-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2005/index.htm)
    8198,
    // [SIX-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2006/index.htm)
    8199,
    // [FIGURE SPACE](https://www.fileformat.info/info/unicode/char/2007/index.htm)
    8200,
    // [PUNCTUATION SPACE](https://www.fileformat.info/info/unicode/char/2008/index.htm)
    8201,
    // [THIN SPACE](https://www.fileformat.info/info/unicode/char/2009/index.htm)
    8202,
    // [HAIR SPACE](https://www.fileformat.info/info/unicode/char/200a/index.htm)
    8232,
    // [LINE SEPARATOR](https://www.fileformat.info/info/unicode/char/2028/index.htm)
    8233,
    // [PARAGRAPH SEPARATOR](https://www.fileformat.info/info/unicode/char/2029/index.htm)
    8239,
    // [NARROW NO-BREAK SPACE (NNBSP)](https://www.fileformat.info/info/unicode/char/202f/index.htm)
    8287,
    // [MEDIUM MATHEMATICAL SPACE (MMSP)](https://www.fileformat.info/info/unicode/char/205f/index.htm)
    12288,
    // [IDEOGRAPHIC SPACE](https://www.fileformat.info/info/unicode/char/3000/index.htm)
    65279
    // [ZERO WIDTH NO-BREAK SPACE (BOM)](https://www.fileformat.info/info/unicode/char/feff/index.htm)
  ].reduce((acc, codepoint) => {
    const encoded = Buffer.from(
      String.fromCharCode(codepoint),
      options.encoding
    );
    if (codepoint !== 63 && encoded.length === 1 && encoded[0] === 63) {
      return acc;
    }
    acc.push(encoded);
    return acc;
  }, []);
  const timcharFirstBytes = new Uint8Array(256);
  for (const t of timchars) timcharFirstBytes[t[0]] = 1;
  return {
    bomSkipped: false,
    bufBytesStart: 0,
    castField: options.cast_function,
    commenting: false,
    delimiterBufPrevious: void 0,
    delimiterDiscovered: false,
    // Current error encountered by a record
    error: void 0,
    enabled: options.from_line === 1,
    escaping: false,
    escapeIsQuote: Buffer.isBuffer(options.escape) && Buffer.isBuffer(options.quote) && Buffer.compare(options.escape, options.quote) === 0,
    // columns can be `false`, `true`, `Array`
    expectedRecordLength: Array.isArray(options.columns) ? options.columns.length : void 0,
    field: new ResizeableBuffer_default(20),
    firstLineToHeaders: options.cast_first_line_to_header,
    needMoreDataSize: Math.max(
      // Skip if the remaining buffer smaller than comment
      options.comment !== null ? options.comment.length : 0,
      ...options.delimiter ? options.delimiter.map((delimiter) => delimiter.length) : [],
      // Auto discovery of delimiter is limited to 1 character
      options.delimiter_auto ? 1 : 0,
      // Skip if the remaining buffer can be escape sequence
      options.quote !== null ? options.quote.length : 0,
      ...timchars.map((t) => t.length)
    ),
    previousBuf: void 0,
    quoting: false,
    stop: false,
    rawBuffer: new ResizeableBuffer_default(100),
    record: [],
    recordHasError: false,
    record_length: 0,
    recordDelimiterMaxLength: options.record_delimiter.length === 0 ? 0 : Math.max(...options.record_delimiter.map((v) => v.length)),
    trimChars: [
      Buffer.from(" ", options.encoding)[0],
      Buffer.from("	", options.encoding)[0]
    ],
    wasQuoting: false,
    wasRowDelimiter: false,
    timchars,
    timcharFirstBytes
  };
};

// node_modules/csv-parse/lib/utils/underscore.js
var underscore = function(str) {
  return str.replace(/([A-Z])/g, function(_, match) {
    return "_" + match.toLowerCase();
  });
};

// node_modules/csv-parse/lib/api/normalize_options.js
var normalize_options = function(opts) {
  const options = {};
  for (const opt in opts) {
    options[underscore(opt)] = opts[opt];
  }
  if (options.encoding === void 0 || options.encoding === true) {
    options.encoding = "utf8";
  } else if (options.encoding === null || options.encoding === false) {
    options.encoding = null;
  } else if (typeof options.encoding !== "string" && options.encoding !== null) {
    throw new CsvError(
      "CSV_INVALID_OPTION_ENCODING",
      [
        "Invalid option encoding:",
        "encoding must be a string or null to return a buffer,",
        `got ${JSON.stringify(options.encoding)}`
      ],
      options
    );
  }
  if (options.bom === void 0 || options.bom === null || options.bom === false) {
    options.bom = false;
  } else if (options.bom !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_BOM",
      [
        "Invalid option bom:",
        "bom must be true,",
        `got ${JSON.stringify(options.bom)}`
      ],
      options
    );
  }
  options.cast_function = null;
  if (options.cast === void 0 || options.cast === null || options.cast === false || options.cast === "") {
    options.cast = void 0;
  } else if (typeof options.cast === "function") {
    options.cast_function = options.cast;
    options.cast = true;
  } else if (options.cast !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_CAST",
      [
        "Invalid option cast:",
        "cast must be true or a function,",
        `got ${JSON.stringify(options.cast)}`
      ],
      options
    );
  }
  if (options.cast_date === void 0 || options.cast_date === null || options.cast_date === false || options.cast_date === "") {
    options.cast_date = false;
  } else if (options.cast_date === true) {
    options.cast_date = function(value) {
      const date = Date.parse(value);
      return !isNaN(date) ? new Date(date) : value;
    };
  } else if (typeof options.cast_date !== "function") {
    throw new CsvError(
      "CSV_INVALID_OPTION_CAST_DATE",
      [
        "Invalid option cast_date:",
        "cast_date must be true or a function,",
        `got ${JSON.stringify(options.cast_date)}`
      ],
      options
    );
  }
  options.cast_first_line_to_header = void 0;
  if (options.columns === true) {
    options.cast_first_line_to_header = void 0;
  } else if (typeof options.columns === "function") {
    options.cast_first_line_to_header = options.columns;
    options.columns = true;
  } else if (Array.isArray(options.columns)) {
    options.columns = normalize_columns_array(options.columns);
  } else if (options.columns === void 0 || options.columns === null || options.columns === false) {
    options.columns = false;
  } else {
    throw new CsvError(
      "CSV_INVALID_OPTION_COLUMNS",
      [
        "Invalid option columns:",
        "expect an array, a function or true,",
        `got ${JSON.stringify(options.columns)}`
      ],
      options
    );
  }
  if (options.group_columns_by_name === void 0 || options.group_columns_by_name === null || options.group_columns_by_name === false) {
    options.group_columns_by_name = false;
  } else if (options.group_columns_by_name !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
      [
        "Invalid option group_columns_by_name:",
        "expect an boolean,",
        `got ${JSON.stringify(options.group_columns_by_name)}`
      ],
      options
    );
  } else if (options.columns === false) {
    throw new CsvError(
      "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
      [
        "Invalid option group_columns_by_name:",
        "the `columns` mode must be activated."
      ],
      options
    );
  }
  if (options.comment === void 0 || options.comment === null || options.comment === false || options.comment === "") {
    options.comment = null;
  } else {
    if (typeof options.comment === "string") {
      options.comment = Buffer.from(options.comment, options.encoding);
    }
    if (!Buffer.isBuffer(options.comment)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_COMMENT",
        [
          "Invalid option comment:",
          "comment must be a buffer or a string,",
          `got ${JSON.stringify(options.comment)}`
        ],
        options
      );
    }
  }
  if (options.comment_no_infix === void 0 || options.comment_no_infix === null || options.comment_no_infix === false) {
    options.comment_no_infix = false;
  } else if (options.comment_no_infix !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_COMMENT",
      [
        "Invalid option comment_no_infix:",
        "value must be a boolean,",
        `got ${JSON.stringify(options.comment_no_infix)}`
      ],
      options
    );
  }
  if (options.delimiter_auto === void 0 || options.delimiter_auto === null || options.delimiter_auto === false) {
    options.delimiter_auto = false;
  } else if (options.delimiter_auto === true) {
    options.delimiter_auto = {};
  } else if (!is_object(options.delimiter_auto)) {
    throw new CsvError(
      "CSV_INVALID_OPTION_DELIMITER_AUTO",
      [
        "Invalid option delimiter_auto:",
        "delimiter_auto must be a boolean or a configuration object,",
        `got ${JSON.stringify(options.delimiter_auto)}`
      ],
      options
    );
  }
  if (options.delimiter_auto) {
    if (options.delimiter_auto.preferred === void 0)
      options.delimiter_auto.preferred = {
        [",".charCodeAt(0)]: 1.8,
        ["	".charCodeAt(0)]: 1.8,
        [";".charCodeAt(0)]: 1.6,
        [" ".charCodeAt(0)]: 1.6,
        [":".charCodeAt(0)]: 1.5,
        [".".charCodeAt(0)]: 1.4,
        ["/".charCodeAt(0)]: 1.4
      };
    else if (!is_object(options.delimiter_auto.preferred)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "preferred must be an object,",
          `got ${JSON.stringify(options.delimiter_auto.preferred)}`
        ],
        options
      );
    }
    if (options.delimiter_auto.score === void 0)
      options.delimiter_auto.score = (info, options2) => {
        return (info.total - info.std) * (options2.preferred[info.char_code] || 1);
      };
    else if (typeof options.delimiter_auto.score !== "function") {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "score must be a function,",
          `got ${JSON.stringify(options.delimiter_auto.score)}`
        ],
        options
      );
    }
    if (options.delimiter_auto.size === void 0)
      options.delimiter_auto.size = 2048;
    else if (typeof options.delimiter_auto.size !== "number") {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "size must be a number,",
          `got ${JSON.stringify(options.delimiter_auto.size)}`
        ],
        options
      );
    }
  }
  const delimiter_json = JSON.stringify(options.delimiter);
  if (options.delimiter_auto !== false) {
    options.delimiter = [];
  }
  if (!Array.isArray(options.delimiter)) {
    if (options.delimiter === void 0 || options.delimiter === null || options.delimiter === false) {
      options.delimiter = Buffer.from(",", options.encoding);
    }
    options.delimiter = [options.delimiter];
  }
  options.delimiter = options.delimiter.map(function(delimiter) {
    if (typeof delimiter === "string") {
      delimiter = Buffer.from(delimiter, options.encoding);
    }
    if (!Buffer.isBuffer(delimiter) || delimiter.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER",
        [
          "Invalid option delimiter:",
          "delimiter must be a non empty string or buffer or array of string|buffer,",
          `got ${delimiter_json}`
        ],
        options
      );
    }
    return delimiter;
  });
  if (options.escape === void 0 || options.escape === true) {
    options.escape = Buffer.from('"', options.encoding);
  } else if (typeof options.escape === "string") {
    options.escape = Buffer.from(options.escape, options.encoding);
  } else if (options.escape === null || options.escape === false) {
    options.escape = null;
  }
  if (options.escape !== null) {
    if (!Buffer.isBuffer(options.escape)) {
      throw new Error(
        `Invalid Option: escape must be a buffer, a string or a boolean, got ${JSON.stringify(options.escape)}`
      );
    }
  }
  if (options.from === void 0 || options.from === null) {
    options.from = 1;
  } else {
    if (typeof options.from === "string" && /\d+/.test(options.from)) {
      options.from = parseInt(options.from);
    }
    if (Number.isInteger(options.from)) {
      if (options.from < 0) {
        throw new Error(
          `Invalid Option: from must be a positive integer, got ${JSON.stringify(opts.from)}`
        );
      }
    } else {
      throw new Error(
        `Invalid Option: from must be an integer, got ${JSON.stringify(options.from)}`
      );
    }
  }
  if (options.from_line === void 0 || options.from_line === null) {
    options.from_line = 1;
  } else {
    if (typeof options.from_line === "string" && /\d+/.test(options.from_line)) {
      options.from_line = parseInt(options.from_line);
    }
    if (Number.isInteger(options.from_line)) {
      if (options.from_line <= 0) {
        throw new Error(
          `Invalid Option: from_line must be a positive integer greater than 0, got ${JSON.stringify(opts.from_line)}`
        );
      }
    } else {
      throw new Error(
        `Invalid Option: from_line must be an integer, got ${JSON.stringify(opts.from_line)}`
      );
    }
  }
  if (options.ignore_last_delimiters === void 0 || options.ignore_last_delimiters === null) {
    options.ignore_last_delimiters = false;
  } else if (typeof options.ignore_last_delimiters === "number") {
    options.ignore_last_delimiters = Math.floor(options.ignore_last_delimiters);
    if (options.ignore_last_delimiters === 0) {
      options.ignore_last_delimiters = false;
    }
  } else if (typeof options.ignore_last_delimiters !== "boolean") {
    throw new CsvError(
      "CSV_INVALID_OPTION_IGNORE_LAST_DELIMITERS",
      [
        "Invalid option `ignore_last_delimiters`:",
        "the value must be a boolean value or an integer,",
        `got ${JSON.stringify(options.ignore_last_delimiters)}`
      ],
      options
    );
  }
  if (options.ignore_last_delimiters === true && options.columns === false) {
    throw new CsvError(
      "CSV_IGNORE_LAST_DELIMITERS_REQUIRES_COLUMNS",
      [
        "The option `ignore_last_delimiters`",
        "requires the activation of the `columns` option"
      ],
      options
    );
  }
  if (options.info === void 0 || options.info === null || options.info === false) {
    options.info = false;
  } else if (options.info !== true) {
    throw new Error(
      `Invalid Option: info must be true, got ${JSON.stringify(options.info)}`
    );
  }
  if (options.max_record_size === void 0 || options.max_record_size === null || options.max_record_size === false) {
    options.max_record_size = 0;
  } else if (Number.isInteger(options.max_record_size) && options.max_record_size >= 0) {
  } else if (typeof options.max_record_size === "string" && /\d+/.test(options.max_record_size)) {
    options.max_record_size = parseInt(options.max_record_size);
  } else {
    throw new Error(
      `Invalid Option: max_record_size must be a positive integer, got ${JSON.stringify(options.max_record_size)}`
    );
  }
  if (options.objname === void 0 || options.objname === null || options.objname === false) {
    options.objname = void 0;
  } else if (Buffer.isBuffer(options.objname)) {
    if (options.objname.length === 0) {
      throw new Error(`Invalid Option: objname must be a non empty buffer`);
    }
    if (options.encoding === null) {
    } else {
      options.objname = options.objname.toString(options.encoding);
    }
  } else if (typeof options.objname === "string") {
    if (options.objname.length === 0) {
      throw new Error(`Invalid Option: objname must be a non empty string`);
    }
  } else if (typeof options.objname === "number") {
  } else {
    throw new Error(
      `Invalid Option: objname must be a string or a buffer, got ${options.objname}`
    );
  }
  if (options.objname !== void 0) {
    if (typeof options.objname === "number") {
      if (options.columns !== false) {
        throw Error(
          "Invalid Option: objname index cannot be combined with columns or be defined as a field"
        );
      }
    } else {
      if (options.columns === false) {
        throw Error(
          "Invalid Option: objname field must be combined with columns or be defined as an index"
        );
      }
    }
  }
  if (options.on_record === void 0 || options.on_record === null) {
    options.on_record = void 0;
  } else if (typeof options.on_record !== "function") {
    throw new CsvError(
      "CSV_INVALID_OPTION_ON_RECORD",
      [
        "Invalid option `on_record`:",
        "expect a function,",
        `got ${JSON.stringify(options.on_record)}`
      ],
      options
    );
  }
  if (options.on_skip !== void 0 && options.on_skip !== null && typeof options.on_skip !== "function") {
    throw new Error(
      `Invalid Option: on_skip must be a function, got ${JSON.stringify(options.on_skip)}`
    );
  }
  if (options.quote === null || options.quote === false || options.quote === "") {
    options.quote = null;
  } else {
    if (options.quote === void 0 || options.quote === true) {
      options.quote = Buffer.from('"', options.encoding);
    } else if (typeof options.quote === "string") {
      options.quote = Buffer.from(options.quote, options.encoding);
    }
    if (!Buffer.isBuffer(options.quote)) {
      throw new Error(
        `Invalid Option: quote must be a buffer or a string, got ${JSON.stringify(options.quote)}`
      );
    }
  }
  if (options.raw === void 0 || options.raw === null || options.raw === false) {
    options.raw = false;
  } else if (options.raw !== true) {
    throw new Error(
      `Invalid Option: raw must be true, got ${JSON.stringify(options.raw)}`
    );
  }
  if (options.record_delimiter === void 0) {
    options.record_delimiter = [];
  } else if (typeof options.record_delimiter === "string" || Buffer.isBuffer(options.record_delimiter)) {
    if (options.record_delimiter.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a non empty string or buffer,",
          `got ${JSON.stringify(options.record_delimiter)}`
        ],
        options
      );
    }
    options.record_delimiter = [options.record_delimiter];
  } else if (!Array.isArray(options.record_delimiter)) {
    throw new CsvError(
      "CSV_INVALID_OPTION_RECORD_DELIMITER",
      [
        "Invalid option `record_delimiter`:",
        "value must be a string, a buffer or array of string|buffer,",
        `got ${JSON.stringify(options.record_delimiter)}`
      ],
      options
    );
  }
  options.record_delimiter = options.record_delimiter.map(function(rd, i) {
    if (typeof rd !== "string" && !Buffer.isBuffer(rd)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a string, a buffer or array of string|buffer",
          `at index ${i},`,
          `got ${JSON.stringify(rd)}`
        ],
        options
      );
    } else if (rd.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a non empty string or buffer",
          `at index ${i},`,
          `got ${JSON.stringify(rd)}`
        ],
        options
      );
    }
    if (typeof rd === "string") {
      rd = Buffer.from(rd, options.encoding);
    }
    return rd;
  });
  if (typeof options.relax_column_count === "boolean") {
  } else if (options.relax_column_count === void 0 || options.relax_column_count === null) {
    options.relax_column_count = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count must be a boolean, got ${JSON.stringify(options.relax_column_count)}`
    );
  }
  if (typeof options.relax_column_count_less === "boolean") {
  } else if (options.relax_column_count_less === void 0 || options.relax_column_count_less === null) {
    options.relax_column_count_less = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count_less must be a boolean, got ${JSON.stringify(options.relax_column_count_less)}`
    );
  }
  if (typeof options.relax_column_count_more === "boolean") {
  } else if (options.relax_column_count_more === void 0 || options.relax_column_count_more === null) {
    options.relax_column_count_more = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count_more must be a boolean, got ${JSON.stringify(options.relax_column_count_more)}`
    );
  }
  if (typeof options.relax_quotes === "boolean") {
  } else if (options.relax_quotes === void 0 || options.relax_quotes === null) {
    options.relax_quotes = false;
  } else {
    throw new Error(
      `Invalid Option: relax_quotes must be a boolean, got ${JSON.stringify(options.relax_quotes)}`
    );
  }
  if (typeof options.skip_empty_lines === "boolean") {
  } else if (options.skip_empty_lines === void 0 || options.skip_empty_lines === null) {
    options.skip_empty_lines = false;
  } else {
    throw new Error(
      `Invalid Option: skip_empty_lines must be a boolean, got ${JSON.stringify(options.skip_empty_lines)}`
    );
  }
  if (typeof options.skip_records_with_empty_values === "boolean") {
  } else if (options.skip_records_with_empty_values === void 0 || options.skip_records_with_empty_values === null) {
    options.skip_records_with_empty_values = false;
  } else {
    throw new Error(
      `Invalid Option: skip_records_with_empty_values must be a boolean, got ${JSON.stringify(options.skip_records_with_empty_values)}`
    );
  }
  if (typeof options.skip_records_with_error === "boolean") {
  } else if (options.skip_records_with_error === void 0 || options.skip_records_with_error === null) {
    options.skip_records_with_error = false;
  } else {
    throw new Error(
      `Invalid Option: skip_records_with_error must be a boolean, got ${JSON.stringify(options.skip_records_with_error)}`
    );
  }
  if (options.rtrim === void 0 || options.rtrim === null || options.rtrim === false) {
    options.rtrim = false;
  } else if (options.rtrim !== true) {
    throw new Error(
      `Invalid Option: rtrim must be a boolean, got ${JSON.stringify(options.rtrim)}`
    );
  }
  if (options.ltrim === void 0 || options.ltrim === null || options.ltrim === false) {
    options.ltrim = false;
  } else if (options.ltrim !== true) {
    throw new Error(
      `Invalid Option: ltrim must be a boolean, got ${JSON.stringify(options.ltrim)}`
    );
  }
  if (options.trim === void 0 || options.trim === null || options.trim === false) {
    options.trim = false;
  } else if (options.trim !== true) {
    throw new Error(
      `Invalid Option: trim must be a boolean, got ${JSON.stringify(options.trim)}`
    );
  }
  if (options.trim === true && opts.ltrim !== false) {
    options.ltrim = true;
  } else if (options.ltrim !== true) {
    options.ltrim = false;
  }
  if (options.trim === true && opts.rtrim !== false) {
    options.rtrim = true;
  } else if (options.rtrim !== true) {
    options.rtrim = false;
  }
  if (options.to === void 0 || options.to === null) {
    options.to = -1;
  } else if (options.to !== -1) {
    if (typeof options.to === "string" && /\d+/.test(options.to)) {
      options.to = parseInt(options.to);
    }
    if (Number.isInteger(options.to)) {
      if (options.to <= 0) {
        throw new Error(
          `Invalid Option: to must be a positive integer greater than 0, got ${JSON.stringify(opts.to)}`
        );
      }
    } else {
      throw new Error(
        `Invalid Option: to must be an integer, got ${JSON.stringify(opts.to)}`
      );
    }
  }
  if (options.to_line === void 0 || options.to_line === null) {
    options.to_line = -1;
  } else if (options.to_line !== -1) {
    if (typeof options.to_line === "string" && /\d+/.test(options.to_line)) {
      options.to_line = parseInt(options.to_line);
    }
    if (Number.isInteger(options.to_line)) {
      if (options.to_line <= 0) {
        throw new Error(
          `Invalid Option: to_line must be a positive integer greater than 0, got ${JSON.stringify(opts.to_line)}`
        );
      }
    } else {
      throw new Error(
        `Invalid Option: to_line must be an integer, got ${JSON.stringify(opts.to_line)}`
      );
    }
  }
  return options;
};

// node_modules/csv-parse/lib/utils/delimiter_discover.js
var delimiter_discover = function(records, options) {
  if (!options) {
    ({ delimiter_auto: options } = normalize_options({ delimiter_auto: true }));
  }
  if (typeof records === "string") {
    records = Buffer.from(records);
  }
  if (Buffer.isBuffer(records)) {
    records = ((data) => {
      const records2 = [];
      const parser = transform({ delimiter: [] });
      const push = (record) => records2.push(record);
      const close = () => {
      };
      const error = parser.parse(data, true, push, close);
      if (error !== void 0) throw error;
      return records2;
    })(records);
  }
  const info = Array(127).fill().map(() => ({ lines: [] }));
  records.map(([record], line) => {
    for (let i = 0, l = record.length; i < l; i++) {
      const code = record.charCodeAt(i);
      if (info[code].lines[line] === void 0) info[code].lines[line] = 0;
      info[code].lines[line]++;
    }
  });
  info.map((info2, i) => {
    info2.char_code = i;
    info2.std = std(info2.lines);
    info2.total = info2.lines.reduce((acc, val) => acc + val, 0);
    info2.preferred = !!options.preferred[i];
    info2.score = options.score(info2, options);
  });
  const result = info.reduce(
    (acc, info2) => acc.score > info2.score ? acc : info2,
    {}
  );
  return String.fromCharCode(result.char_code);
};
var std = function(array) {
  const n = array.length;
  if (n === 0) return 0;
  const mean = array.reduce((a, b) => a + b) / n;
  return Math.sqrt(
    array.map((x) => Math.pow(x - mean, 2)).reduce((a, b) => a + b) / n
  );
};

// node_modules/csv-parse/lib/api/index.js
var isRecordEmpty = function(record) {
  return record.every(
    (field) => field == null || field.toString && field.toString().trim() === ""
  );
};
var cr = 13;
var nl = 10;
var boms = {
  // Note, the following are equals:
  // Buffer.from("\ufeff")
  // Buffer.from([239, 187, 191])
  // Buffer.from('EFBBBF', 'hex')
  utf8: Buffer.from([239, 187, 191]),
  // Note, the following are equals:
  // Buffer.from "\ufeff", 'utf16le
  // Buffer.from([255, 254])
  utf16le: Buffer.from([255, 254])
};
var transform = function(original_options = {}) {
  const info = {
    bytes: 0,
    bytes_records: 0,
    comment_lines: 0,
    empty_lines: 0,
    invalid_field_length: 0,
    lines: 1,
    records: 0
  };
  const options = normalize_options(original_options);
  return {
    info,
    original_options,
    options,
    state: init_state(options),
    __needMoreData: function(i, bufLen, end) {
      if (end) return false;
      const { encoding, escape, quote } = this.options;
      const { quoting, needMoreDataSize, recordDelimiterMaxLength } = this.state;
      const numOfCharLeft = bufLen - i - 1;
      const requiredLength = Math.max(
        needMoreDataSize,
        // Skip if the remaining buffer smaller than record delimiter
        // If "record_delimiter" is yet to be discovered:
        // 1. It is equals to `[]` and "recordDelimiterMaxLength" equals `0`
        // 2. We set the length to windows line ending in the current encoding
        // Note, that encoding is known from user or bom discovery at that point
        // recordDelimiterMaxLength,
        recordDelimiterMaxLength === 0 ? Buffer.from("\r\n", encoding).length : recordDelimiterMaxLength,
        // Skip if remaining buffer can be an escaped quote
        quoting ? (escape === null ? 0 : escape.length) + quote.length : 0,
        // Skip if remaining buffer can be record delimiter following the closing quote
        quoting ? quote.length + recordDelimiterMaxLength : 0
      );
      return numOfCharLeft < requiredLength;
    },
    // Central parser implementation
    parse: function(nextBuf, end, push, close) {
      const {
        bom,
        comment_no_infix,
        delimiter_auto,
        encoding,
        from_line,
        ltrim,
        max_record_size,
        raw,
        relax_quotes,
        rtrim,
        skip_empty_lines,
        to,
        to_line
      } = this.options;
      let { comment, escape, quote, record_delimiter } = this.options;
      const {
        bomSkipped,
        delimiterDiscovered,
        delimiterBufPrevious,
        rawBuffer,
        escapeIsQuote
      } = this.state;
      if (!delimiterDiscovered && delimiter_auto) {
        let delimiterBuf;
        if (delimiterBufPrevious === void 0) {
          delimiterBuf = nextBuf;
        } else if (delimiterBufPrevious !== void 0 && nextBuf === void 0) {
          delimiterBuf = delimiterBufPrevious;
        } else {
          delimiterBuf = Buffer.concat([delimiterBufPrevious, nextBuf]);
        }
        nextBuf = void 0;
        if (end || delimiterBuf.length > delimiter_auto.size) {
          this.options.delimiter = [
            Buffer.from(
              delimiter_discover(delimiterBuf, this.options.delimiter_auto)
            )
          ];
          this.state.previousBuf = delimiterBuf;
          this.state.delimiterBufPrevious = void 0;
          this.state.delimiterDiscovered = true;
        } else {
          this.state.delimiterBufPrevious = delimiterBuf;
          return;
        }
      }
      const { previousBuf } = this.state;
      let buf;
      if (previousBuf === void 0) {
        if (nextBuf === void 0) {
          close();
          return;
        } else {
          buf = nextBuf;
        }
      } else if (previousBuf !== void 0 && nextBuf === void 0) {
        buf = previousBuf;
      } else {
        buf = Buffer.concat([previousBuf, nextBuf]);
      }
      if (bomSkipped === false) {
        if (bom === false) {
          this.state.bomSkipped = true;
        } else if (buf.length < 3) {
          if (end === false) {
            this.state.previousBuf = buf;
            return;
          }
        } else {
          for (const encoding2 in boms) {
            if (boms[encoding2].compare(buf, 0, boms[encoding2].length) === 0) {
              const bomLength = boms[encoding2].length;
              this.state.bufBytesStart += bomLength;
              buf = buf.slice(bomLength);
              const options2 = normalize_options({
                ...this.original_options,
                encoding: encoding2
              });
              for (const key in options2) {
                this.options[key] = options2[key];
              }
              ({ comment, escape, quote } = this.options);
              break;
            }
          }
          this.state.bomSkipped = true;
        }
      }
      const bufLen = buf.length;
      let pos;
      for (pos = 0; pos < bufLen; pos++) {
        if (this.__needMoreData(pos, bufLen, end)) {
          break;
        }
        if (this.state.wasRowDelimiter === true) {
          this.info.lines++;
          this.state.wasRowDelimiter = false;
        }
        if (to_line !== -1 && this.info.lines > to_line) {
          this.state.stop = true;
          close();
          return;
        }
        if (this.state.quoting === false && record_delimiter.length === 0) {
          const record_delimiterCount = this.__autoDiscoverRecordDelimiter(
            buf,
            pos
          );
          if (record_delimiterCount) {
            record_delimiter = this.options.record_delimiter;
          }
        }
        const chr = buf[pos];
        if (raw === true) {
          rawBuffer.append(chr);
        }
        if ((chr === cr || chr === nl) && this.state.wasRowDelimiter === false) {
          this.state.wasRowDelimiter = true;
        }
        if (this.state.escaping === true) {
          this.state.escaping = false;
        } else {
          if (escape !== null && this.state.quoting === true && this.__isEscape(buf, pos, chr) && pos + escape.length < bufLen) {
            if (escapeIsQuote) {
              if (this.__isQuote(buf, pos + escape.length)) {
                this.state.escaping = true;
                pos += escape.length - 1;
                continue;
              }
            } else {
              this.state.escaping = true;
              pos += escape.length - 1;
              continue;
            }
          }
          if (this.state.commenting === false && this.__isQuote(buf, pos)) {
            if (this.state.quoting === true) {
              const nextChr = buf[pos + quote.length];
              const isNextChrTrimable = rtrim && this.__isCharTrimable(buf, pos + quote.length);
              const isNextChrComment = comment !== null && this.__compareBytes(comment, buf, pos + quote.length, nextChr);
              const isNextChrDelimiter = this.__isDelimiter(
                buf,
                pos + quote.length,
                nextChr
              );
              const isNextChrRecordDelimiter = record_delimiter.length === 0 ? this.__autoDiscoverRecordDelimiter(buf, pos + quote.length) : this.__isRecordDelimiter(nextChr, buf, pos + quote.length);
              if (escape !== null && this.__isEscape(buf, pos, chr) && this.__isQuote(buf, pos + escape.length)) {
                pos += escape.length - 1;
              } else if (!nextChr || isNextChrDelimiter || isNextChrRecordDelimiter || isNextChrComment || isNextChrTrimable) {
                this.state.quoting = false;
                this.state.wasQuoting = true;
                pos += quote.length - 1;
                continue;
              } else if (relax_quotes === false) {
                const err = this.__error(
                  new CsvError(
                    "CSV_INVALID_CLOSING_QUOTE",
                    [
                      "Invalid Closing Quote:",
                      `got "${String.fromCharCode(nextChr)}"`,
                      `at line ${this.info.lines}`,
                      "instead of delimiter, record delimiter, trimable character",
                      "(if activated) or comment"
                    ],
                    this.options,
                    this.__infoField()
                  )
                );
                if (err !== void 0) return err;
              } else {
                this.state.quoting = false;
                this.state.wasQuoting = true;
                this.state.field.prepend(quote);
                pos += quote.length - 1;
              }
            } else {
              if (this.state.field.length !== 0) {
                if (relax_quotes === false) {
                  const info2 = this.__infoField();
                  const bom2 = Object.keys(boms).map(
                    (b) => boms[b].equals(this.state.field.toString()) ? b : false
                  ).filter(Boolean)[0];
                  const err = this.__error(
                    new CsvError(
                      "INVALID_OPENING_QUOTE",
                      [
                        "Invalid Opening Quote:",
                        `a quote is found on field ${JSON.stringify(info2.column)} at line ${info2.lines}, value is ${JSON.stringify(this.state.field.toString(encoding))}`,
                        bom2 ? `(${bom2} bom)` : void 0
                      ],
                      this.options,
                      info2,
                      {
                        field: this.state.field
                      }
                    )
                  );
                  if (err !== void 0) return err;
                }
              } else {
                this.state.quoting = true;
                pos += quote.length - 1;
                continue;
              }
            }
          }
          if (this.state.quoting === false) {
            const recordDelimiterLength = this.__isRecordDelimiter(
              chr,
              buf,
              pos
            );
            if (recordDelimiterLength !== 0) {
              const skipCommentLine = this.state.commenting && this.state.wasQuoting === false && this.state.record.length === 0 && this.state.field.length === 0;
              if (skipCommentLine) {
                this.info.comment_lines++;
              } else {
                if (this.state.enabled === false && this.info.lines + (this.state.wasRowDelimiter === true ? 1 : 0) >= from_line) {
                  this.state.enabled = true;
                  this.__resetField();
                  this.__resetRecord();
                  pos += recordDelimiterLength - 1;
                  continue;
                }
                if (skip_empty_lines === true && this.state.wasQuoting === false && this.state.record.length === 0 && this.state.field.length === 0) {
                  this.info.empty_lines++;
                  pos += recordDelimiterLength - 1;
                  continue;
                }
                this.info.bytes = this.state.bufBytesStart + pos;
                const errField = this.__onField();
                if (errField !== void 0) return errField;
                this.info.bytes = this.state.bufBytesStart + pos + recordDelimiterLength;
                const errRecord = this.__onRecord(push);
                if (errRecord !== void 0) return errRecord;
                if (to !== -1 && this.info.records >= to) {
                  this.state.stop = true;
                  close();
                  return;
                }
              }
              this.state.commenting = false;
              pos += recordDelimiterLength - 1;
              continue;
            }
            if (this.state.commenting) {
              continue;
            }
            if (comment !== null && (comment_no_infix === false || this.state.record.length === 0 && this.state.field.length === 0)) {
              const commentCount = this.__compareBytes(comment, buf, pos, chr);
              if (commentCount !== 0) {
                this.state.commenting = true;
                continue;
              }
            }
            const delimiterLength = this.__isDelimiter(buf, pos, chr);
            if (delimiterLength !== 0) {
              this.info.bytes = this.state.bufBytesStart + pos;
              const errField = this.__onField();
              if (errField !== void 0) return errField;
              pos += delimiterLength - 1;
              continue;
            }
          }
        }
        if (this.state.commenting === false) {
          if (max_record_size !== 0 && this.state.record_length + this.state.field.length > max_record_size) {
            return this.__error(
              new CsvError(
                "CSV_MAX_RECORD_SIZE",
                [
                  "Max Record Size:",
                  "record exceed the maximum number of tolerated bytes",
                  `of ${max_record_size}`,
                  `at line ${this.info.lines}`
                ],
                this.options,
                this.__infoField()
              )
            );
          }
        }
        const lappend = ltrim === false || this.state.quoting === true || this.state.field.length !== 0 || !this.__isCharTrimable(buf, pos);
        const rappend = rtrim === false || this.state.wasQuoting === false;
        if (lappend === true && rappend === true) {
          this.state.field.append(chr);
        } else if (rtrim === true && !this.__isCharTrimable(buf, pos)) {
          return this.__error(
            new CsvError(
              "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE",
              [
                "Invalid Closing Quote:",
                "found non trimable byte after quote",
                `at line ${this.info.lines}`
              ],
              this.options,
              this.__infoField()
            )
          );
        } else {
          if (lappend === false) {
            pos += this.__isCharTrimable(buf, pos) - 1;
          }
          continue;
        }
      }
      if (end === true) {
        if (this.state.quoting === true) {
          const err = this.__error(
            new CsvError(
              "CSV_QUOTE_NOT_CLOSED",
              [
                "Quote Not Closed:",
                `the parsing is finished with an opening quote at line ${this.info.lines}`
              ],
              this.options,
              this.__infoField()
            )
          );
          if (err !== void 0) return err;
        } else {
          if (this.state.wasQuoting === true || this.state.record.length !== 0 || this.state.field.length !== 0) {
            this.info.bytes = this.state.bufBytesStart + pos;
            const errField = this.__onField();
            if (errField !== void 0) return errField;
            const errRecord = this.__onRecord(push);
            if (errRecord !== void 0) return errRecord;
          } else if (this.state.wasRowDelimiter === true) {
            this.info.empty_lines++;
          } else if (this.state.commenting === true) {
            this.info.comment_lines++;
          }
        }
      } else {
        this.state.bufBytesStart += pos;
        this.state.previousBuf = buf.slice(pos);
      }
      if (this.state.wasRowDelimiter === true) {
        this.info.lines++;
        this.state.wasRowDelimiter = false;
      }
    },
    __onRecord: function(push) {
      const {
        columns,
        group_columns_by_name,
        encoding,
        info: info2,
        from,
        relax_column_count,
        relax_column_count_less,
        relax_column_count_more,
        raw,
        skip_records_with_empty_values
      } = this.options;
      const { enabled, record } = this.state;
      if (enabled === false) {
        return this.__resetRecord();
      }
      const recordLength = record.length;
      if (columns === true) {
        if (skip_records_with_empty_values === true && isRecordEmpty(record)) {
          this.__resetRecord();
          return;
        }
        return this.__firstLineToColumns(record);
      }
      if (columns === false && this.info.records === 0) {
        this.state.expectedRecordLength = recordLength;
      }
      if (recordLength !== this.state.expectedRecordLength) {
        const err = columns === false ? new CsvError(
          "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH",
          [
            "Invalid Record Length:",
            `expect ${this.state.expectedRecordLength},`,
            `got ${recordLength} on line ${this.info.lines}`
          ],
          this.options,
          this.__infoField(),
          {
            record
          }
        ) : new CsvError(
          "CSV_RECORD_INCONSISTENT_COLUMNS",
          [
            "Invalid Record Length:",
            `columns length is ${columns.length},`,
            // rename columns
            `got ${recordLength} on line ${this.info.lines}`
          ],
          this.options,
          this.__infoField(),
          {
            record
          }
        );
        if (relax_column_count === true || relax_column_count_less === true && recordLength < this.state.expectedRecordLength || relax_column_count_more === true && recordLength > this.state.expectedRecordLength) {
          this.info.invalid_field_length++;
          this.state.error = err;
        } else {
          const finalErr = this.__error(err);
          if (finalErr) return finalErr;
        }
      }
      if (skip_records_with_empty_values === true && isRecordEmpty(record)) {
        this.__resetRecord();
        return;
      }
      if (this.state.recordHasError === true) {
        this.__resetRecord();
        this.state.recordHasError = false;
        return;
      }
      this.info.records++;
      if (from === 1 || this.info.records >= from) {
        const { objname } = this.options;
        if (columns !== false) {
          const obj = {};
          for (let i = 0, l = record.length; i < l; i++) {
            if (columns[i] === void 0 || columns[i].disabled) continue;
            if (group_columns_by_name === true && Object.hasOwn(obj, columns[i].name)) {
              if (Array.isArray(obj[columns[i].name])) {
                obj[columns[i].name] = obj[columns[i].name].concat(record[i]);
              } else {
                obj[columns[i].name] = [obj[columns[i].name], record[i]];
              }
            } else {
              Object.defineProperty(obj, columns[i].name, {
                value: record[i],
                enumerable: true,
                writable: true,
                configurable: true
              });
            }
          }
          if (raw === true || info2 === true) {
            const extRecord = Object.assign(
              { record: obj },
              raw === true ? { raw: this.state.rawBuffer.toString(encoding) } : {},
              info2 === true ? { info: this.__infoRecord() } : {}
            );
            const err = this.__push(
              objname === void 0 ? extRecord : [obj[objname], extRecord],
              push
            );
            if (err) {
              return err;
            }
          } else {
            const err = this.__push(
              objname === void 0 ? obj : [obj[objname], obj],
              push
            );
            if (err) {
              return err;
            }
          }
        } else {
          if (raw === true || info2 === true) {
            const extRecord = Object.assign(
              { record },
              raw === true ? { raw: this.state.rawBuffer.toString(encoding) } : {},
              info2 === true ? { info: this.__infoRecord() } : {}
            );
            const err = this.__push(
              objname === void 0 ? extRecord : [record[objname], extRecord],
              push
            );
            if (err) {
              return err;
            }
          } else {
            const err = this.__push(
              objname === void 0 ? record : [record[objname], record],
              push
            );
            if (err) {
              return err;
            }
          }
        }
      }
      this.__resetRecord();
    },
    __firstLineToColumns: function(record) {
      const { firstLineToHeaders } = this.state;
      try {
        const headers = firstLineToHeaders === void 0 ? record : firstLineToHeaders.call(null, record);
        if (!Array.isArray(headers)) {
          return this.__error(
            new CsvError(
              "CSV_INVALID_COLUMN_MAPPING",
              [
                "Invalid Column Mapping:",
                "expect an array from column function,",
                `got ${JSON.stringify(headers)}`
              ],
              this.options,
              this.__infoField(),
              {
                headers
              }
            )
          );
        }
        const normalizedHeaders = normalize_columns_array(headers);
        this.state.expectedRecordLength = normalizedHeaders.length;
        this.options.columns = normalizedHeaders;
        this.__resetRecord();
        return;
      } catch (err) {
        return err;
      }
    },
    __resetRecord: function() {
      if (this.options.raw === true) {
        this.state.rawBuffer.reset();
      }
      this.state.error = void 0;
      this.state.record = [];
      this.state.record_length = 0;
    },
    __onField: function() {
      const { cast, encoding, rtrim, max_record_size } = this.options;
      const { enabled, wasQuoting } = this.state;
      if (enabled === false) {
        return this.__resetField();
      }
      let field = this.state.field.toString(encoding);
      if (rtrim === true && wasQuoting === false) {
        field = field.trimRight();
      }
      if (cast === true) {
        const [err, f] = this.__cast(field);
        if (err !== void 0) return err;
        field = f;
      }
      this.state.record.push(field);
      if (max_record_size !== 0 && typeof field === "string") {
        this.state.record_length += field.length;
      }
      this.__resetField();
    },
    __resetField: function() {
      this.state.field.reset();
      this.state.wasQuoting = false;
    },
    __push: function(record, push) {
      const { on_record } = this.options;
      if (on_record !== void 0) {
        const info2 = this.__infoRecord();
        try {
          record = on_record.call(null, record, info2);
        } catch (err) {
          return err;
        }
        if (record === void 0 || record === null) {
          return;
        }
      }
      this.info.bytes_records += this.info.bytes;
      push(record);
    },
    // Return a tuple with the error and the casted value
    __cast: function(field) {
      const { columns, relax_column_count } = this.options;
      const isColumns = Array.isArray(columns);
      if (isColumns === true && relax_column_count && this.options.columns.length <= this.state.record.length) {
        return [void 0, void 0];
      }
      if (this.state.castField !== null) {
        try {
          const info2 = this.__infoField();
          return [void 0, this.state.castField.call(null, field, info2)];
        } catch (err) {
          return [err];
        }
      }
      if (this.__isFloat(field)) {
        return [void 0, parseFloat(field)];
      } else if (this.options.cast_date !== false) {
        const info2 = this.__infoField();
        return [void 0, this.options.cast_date.call(null, field, info2)];
      }
      return [void 0, field];
    },
    __compareBytes: function(sourceBuf, targetBuf, targetPos, firstByte) {
      if (sourceBuf[0] !== firstByte) return 0;
      const sourceLength = sourceBuf.length;
      for (let i = 1; i < sourceLength; i++) {
        if (sourceBuf[i] !== targetBuf[targetPos + i]) return 0;
      }
      return sourceLength;
    },
    // Helper to test if a character is trimable
    __isCharTrimable: function(buf, pos) {
      const { timchars, timcharFirstBytes } = this.state;
      const first = buf[pos];
      if (first === void 0 || timcharFirstBytes[first] === 0) return 0;
      loop1: for (let i = 0; i < timchars.length; i++) {
        const timchar = timchars[i];
        for (let j = 0; j < timchar.length; j++) {
          if (timchar[j] !== buf[pos + j]) continue loop1;
        }
        return timchar.length;
      }
      return 0;
    },
    __isDelimiter: function(buf, pos, chr) {
      const { delimiter, ignore_last_delimiters } = this.options;
      if (ignore_last_delimiters === true && this.state.record.length === this.options.columns.length - 1) {
        return 0;
      } else if (ignore_last_delimiters !== false && typeof ignore_last_delimiters === "number" && this.state.record.length === ignore_last_delimiters - 1) {
        return 0;
      }
      loop1: for (let i = 0; i < delimiter.length; i++) {
        const del = delimiter[i];
        if (del[0] === chr) {
          for (let j = 1; j < del.length; j++) {
            if (del[j] !== buf[pos + j]) continue loop1;
          }
          return del.length;
        }
      }
      return 0;
    },
    __isEscape: function(buf, pos, chr) {
      const { escape } = this.options;
      if (escape === null) return false;
      const l = escape.length;
      if (escape[0] === chr) {
        for (let i = 0; i < l; i++) {
          if (escape[i] !== buf[pos + i]) {
            return false;
          }
        }
        return true;
      }
      return false;
    },
    __isFloat: function(value) {
      return value - parseFloat(value) + 1 >= 0;
    },
    // Keep it in case we implement the `cast_int` option
    // __isInt(value){
    //   // return Number.isInteger(parseInt(value))
    //   // return !isNaN( parseInt( obj ) );
    //   return /^(\-|\+)?[1-9][0-9]*$/.test(value)
    // }
    __isQuote: function(buf, pos) {
      const { quote } = this.options;
      if (quote === null) return false;
      const l = quote.length;
      for (let i = 0; i < l; i++) {
        if (quote[i] !== buf[pos + i]) {
          return false;
        }
      }
      return true;
    },
    __isRecordDelimiter: function(chr, buf, pos) {
      const { record_delimiter } = this.options;
      const recordDelimiterLength = record_delimiter.length;
      loop1: for (let i = 0; i < recordDelimiterLength; i++) {
        const rd = record_delimiter[i];
        const rdLength = rd.length;
        if (rd[0] !== chr) {
          continue;
        }
        for (let j = 1; j < rdLength; j++) {
          if (rd[j] !== buf[pos + j]) {
            continue loop1;
          }
        }
        return rd.length;
      }
      return 0;
    },
    __autoDiscoverRecordDelimiter: function(buf, pos) {
      const { encoding } = this.options;
      const rds = [
        // Important, the windows line ending must be before mac os 9
        Buffer.from("\r\n", encoding),
        Buffer.from("\n", encoding),
        Buffer.from("\r", encoding)
      ];
      loop: for (let i = 0; i < rds.length; i++) {
        const l = rds[i].length;
        for (let j = 0; j < l; j++) {
          if (rds[i][j] !== buf[pos + j]) {
            continue loop;
          }
        }
        this.options.record_delimiter.push(rds[i]);
        this.state.recordDelimiterMaxLength = rds[i].length;
        return rds[i].length;
      }
      return 0;
    },
    __error: function(msg) {
      const { encoding, raw, skip_records_with_error } = this.options;
      const err = typeof msg === "string" ? new Error(msg) : msg;
      if (skip_records_with_error) {
        this.state.recordHasError = true;
        if (this.options.on_skip !== void 0) {
          try {
            this.options.on_skip(
              err,
              raw ? this.state.rawBuffer.toString(encoding) : void 0
            );
          } catch (err2) {
            return err2;
          }
        }
        return void 0;
      } else {
        return err;
      }
    },
    __infoDataSet: function() {
      return {
        ...this.info,
        columns: this.options.columns
      };
    },
    __infoRecord: function() {
      const { columns, raw, encoding } = this.options;
      return {
        ...this.__infoDataSet(),
        bytes_records: this.info.bytes,
        error: this.state.error,
        header: columns === true,
        index: this.state.record.length,
        raw: raw ? this.state.rawBuffer.toString(encoding) : void 0
      };
    },
    __infoField: function() {
      const { columns } = this.options;
      const isColumns = Array.isArray(columns);
      const bytes_records = this.info.bytes_records;
      return {
        ...this.__infoRecord(),
        bytes_records,
        column: isColumns === true ? columns.length > this.state.record.length ? columns[this.state.record.length].name : null : this.state.record.length,
        quoting: this.state.wasQuoting
      };
    }
  };
};

// node_modules/csv-parse/lib/index.js
var Parser = class extends Transform {
  constructor(opts = {}) {
    super({ ...{ readableObjectMode: true }, ...opts, encoding: null });
    this.api = transform({
      on_skip: (err, chunk) => {
        this.emit("skip", err, chunk);
      },
      ...opts
    });
    this.state = this.api.state;
    this.options = this.api.options;
    this.info = this.api.info;
  }
  // Implementation of `Transform._transform`
  _transform(buf, _, callback) {
    if (this.state.stop === true) {
      return;
    }
    const err = this.api.parse(
      buf,
      false,
      (record) => {
        this.push(record);
      },
      () => {
        this.push(null);
        this.end();
        this.on("end", this.destroy);
      }
    );
    if (err !== void 0) {
      this.state.stop = true;
    }
    callback(err);
  }
  // Implementation of `Transform._flush`
  _flush(callback) {
    if (this.state.stop === true) {
      return;
    }
    const err = this.api.parse(
      void 0,
      true,
      (record) => {
        this.push(record);
      },
      () => {
        this.push(null);
        this.on("end", this.destroy);
      }
    );
    callback(err);
  }
};
var parse = function() {
  let data, options, callback;
  for (const i in arguments) {
    const argument = arguments[i];
    const type = typeof argument;
    if (data === void 0 && (typeof argument === "string" || Buffer.isBuffer(argument))) {
      data = argument;
    } else if (options === void 0 && is_object(argument)) {
      options = argument;
    } else if (callback === void 0 && type === "function") {
      callback = argument;
    } else {
      throw new CsvError(
        "CSV_INVALID_ARGUMENT",
        ["Invalid argument:", `got ${JSON.stringify(argument)} at index ${i}`],
        options || {}
      );
    }
  }
  const parser = new Parser(options);
  if (callback) {
    const records = options === void 0 || options.objname === void 0 ? [] : /* @__PURE__ */ Object.create(null);
    parser.on("readable", function() {
      let record;
      while ((record = this.read()) !== null) {
        if (options === void 0 || options.objname === void 0) {
          records.push(record);
        } else {
          Object.assign(records, {
            [record[0]]: record[1]
            // writable: true,
            // enumerable: true,
            // configurable: true
          });
        }
      }
    });
    parser.on("error", function(err) {
      callback(err, void 0, parser.api.__infoDataSet());
    });
    parser.on("end", function() {
      callback(void 0, records, parser.api.__infoDataSet());
    });
  }
  if (data !== void 0) {
    const writer = function() {
      parser.write(data);
      parser.end();
    };
    if (typeof setImmediate === "function") {
      setImmediate(writer);
    } else {
      setTimeout(writer, 0);
    }
  }
  return parser;
};

// src/prepare/readDataRows.ts
function dataFormatOf(path, format) {
  if (format !== void 0) {
    if (format === "csv" || format === "jsonl") return format;
    throw new TemplateError(`unknown data format "${format}" (csv or jsonl)`);
  }
  const ext = extname(path).toLowerCase();
  if (ext === ".csv") return "csv";
  if (ext === ".jsonl" || ext === ".ndjson") return "jsonl";
  throw new TemplateError(`cannot tell the format of ${path} from its extension; pass --format csv or --format jsonl`);
}
function readDataRows(path, opts = {}) {
  const format = dataFormatOf(path, opts.format);
  const name = opts.displayName ?? path;
  return format === "csv" ? readCsvRows(path, name) : readJsonlRows(path, name, opts.onProblem);
}
async function readDataColumns(path, opts = {}) {
  const format = dataFormatOf(path, opts.format);
  const name = opts.displayName ?? path;
  if (format === "csv") {
    let header = [];
    const { stream, parser } = openCsv(path, csvParser(name, (h) => header = h));
    try {
      for await (const _ of parser) break;
      return header;
    } catch (err) {
      throw asDataFileError(err, name);
    } finally {
      stream.destroy();
    }
  }
  const seen = /* @__PURE__ */ new Set();
  for await (const row of readJsonlRows(path, name, () => {
  })) for (const key of Object.keys(row.values)) seen.add(key);
  return [...seen];
}
function openCsv(path, parser) {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  stream.on("error", (err) => parser.destroy(Object.assign(err, { path: err.path ?? path })));
  return { stream, parser: stream.pipe(parser) };
}
function csvParser(name, onHeader) {
  return parse({
    bom: true,
    skip_empty_lines: true,
    info: true,
    // Two columns with one name would silently lose one of them; refuse the header instead.
    // Names are trimmed: `id, question ,note` is a common header, and {{ question }} could never name " question ".
    columns: (raw) => {
      const header = raw.map((column) => column.trim());
      const first = /* @__PURE__ */ new Map();
      header.forEach((column, i) => {
        if (first.has(column)) {
          throw new DataFileError(name, [
            { line: 1, reason: `the header names column "${column}" twice (columns ${first.get(column) + 1} and ${i + 1})` }
          ]);
        }
        first.set(column, i);
      });
      onHeader?.(header);
      return header;
    }
  });
}
async function* readCsvRows(path, name) {
  const { parser } = openCsv(path, csvParser(name));
  let row = 0;
  let crlfSoFar = 0;
  try {
    for await (const r of parser) {
      const { record, info } = r;
      row++;
      let breaks = 0;
      for (const v of Object.values(record)) {
        if (!v.includes("\n") && !v.includes("\r")) continue;
        breaks += v.match(LINE_BREAK)?.length ?? 0;
        crlfSoFar += v.match(CRLF)?.length ?? 0;
      }
      yield { row, line: info.lines - crlfSoFar - breaks, values: record };
    }
  } catch (err) {
    throw asDataFileError(err, name, crlfSoFar);
  }
}
var LINE_BREAK = /\r\n|\r|\n/g;
var CRLF = /\r\n/g;
function asDataFileError(err, name, crlfSoFar = 0) {
  if (err instanceof DataFileError) return err;
  const csv = err;
  if (typeof csv?.code === "string" && csv.code.startsWith("CSV_")) {
    const reason = csv.message.replace(/,? (at|on) line \d+$/, "").replace(/\.$/, "");
    return new DataFileError(name, [{ line: (csv.lines ?? 0) - crlfSoFar, reason: `not valid CSV: ${reason}` }]);
  }
  return err;
}
async function* readJsonlRows(path, name, onProblem) {
  let row = 0;
  for await (const raw of readJsonlLines(path)) {
    row++;
    let value;
    let reason = null;
    try {
      value = JSON.parse(raw.text);
      if (typeof value !== "object" || value === null || Array.isArray(value)) reason = "a row must be a JSON object";
    } catch (err) {
      reason = `not valid JSON: ${err.message}`;
    }
    if (reason !== null) {
      const problem = { line: raw.line, reason };
      if (!onProblem) throw new DataFileError(name, [problem]);
      onProblem(problem);
      continue;
    }
    const values = {};
    for (const [key, v] of Object.entries(value)) values[key] = cellText(v);
    yield { row, line: raw.line, values };
  }
}
function cellText(v) {
  if (typeof v === "string") return v;
  if (v === null || v === void 0) return "";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

// src/prepare/requestTemplate.ts
import { readFileSync as readFileSync2 } from "node:fs";
import { extname as extname3 } from "node:path";

// src/prepare/responseFormat.ts
import { readFileSync } from "node:fs";
import { basename, extname as extname2 } from "node:path";
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function loadResponseFormat(path) {
  let value;
  try {
    value = JSON.parse(readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
  } catch (err) {
    if (err.code) throw err;
    throw new TemplateError(`--response-format ${path} is not valid JSON: ${err.message}`);
  }
  if (!isObject(value)) throw new TemplateError(`--response-format ${path} must hold a JSON schema object`);
  if (value.type === "json_schema" && isObject(value.json_schema)) value = value.json_schema;
  const v = value;
  if (isObject(v.schema)) {
    return {
      name: typeof v.name === "string" && v.name ? v.name : nameFrom(path),
      schema: v.schema,
      strict: v.strict === true,
      notes: []
    };
  }
  if (v.type !== "object") {
    throw new TemplateError(`--response-format ${path}: structured outputs need a schema of "type": "object" at the top`);
  }
  const schema = structuredClone(v);
  const notes = [];
  const optional = [];
  makeStrict(schema, "$", notes, optional);
  if (optional.length > 0) {
    throw new TemplateError(
      `--response-format ${path}: strict structured outputs need every property listed in "required"; not required: ${optional.slice(0, 10).join(", ")}${optional.length > 10 ? ", \u2026" : ""}. Make optional fields nullable and required, or write {"name", "schema", "strict": false} to opt out of strict mode`
    );
  }
  return { name: nameFrom(path), schema, strict: true, notes };
}
function makeStrict(node, at, notes, optional) {
  if (Array.isArray(node)) {
    node.forEach((n, i) => makeStrict(n, `${at}[${i}]`, notes, optional));
    return;
  }
  if (!isObject(node)) return;
  if (isObject(node.properties)) {
    if (node.additionalProperties === void 0) {
      node.additionalProperties = false;
      notes.push(`added "additionalProperties": false at ${at} (strict structured outputs require it)`);
    }
    const required = new Set(Array.isArray(node.required) ? node.required : []);
    for (const key of Object.keys(node.properties)) if (!required.has(key)) optional.push(`${at}.${key}`);
    for (const [key, child] of Object.entries(node.properties)) makeStrict(child, `${at}.${key}`, notes, optional);
  }
  for (const key of ["items", "anyOf", "$defs", "definitions"]) {
    const child = node[key];
    if (key === "$defs" || key === "definitions") {
      if (isObject(child)) for (const [k, c] of Object.entries(child)) makeStrict(c, `${at}.${key}.${k}`, notes, optional);
    } else if (child !== void 0) makeStrict(child, `${at}.${key}`, notes, optional);
  }
}
function nameFrom(path) {
  const name = basename(path, extname2(path)).replace(/[^a-zA-Z0-9_-]/g, "_").slice(0, 64);
  return name.replace(/_/g, "").length > 0 ? name : "answer";
}
function applyResponseFormat(body, endpoint, f) {
  if (endpoint === "chat") {
    body.response_format = { type: "json_schema", json_schema: { name: f.name, schema: f.schema, strict: f.strict } };
  } else if (endpoint === "responses") {
    const text = isObject(body.text) ? body.text : {};
    body.text = { ...text, format: { type: "json_schema", name: f.name, schema: f.schema, strict: f.strict } };
  } else {
    throw new TemplateError("--response-format does not apply to embeddings");
  }
}

// src/prepare/types.ts
var ENDPOINT_URLS = {
  chat: "/v1/chat/completions",
  responses: "/v1/responses",
  embeddings: "/v1/embeddings"
};

// src/prepare/requestTemplate.ts
function compileTemplate(spec) {
  const endpoint = spec.endpoint ?? "chat";
  if (!(endpoint in ENDPOINT_URLS)) throw new TemplateError(`unknown endpoint "${endpoint}" (chat, responses or embeddings)`);
  if (spec.template === void 0 === (spec.prompt === void 0)) {
    throw new TemplateError("give the prompt as exactly one of --template FILE or --prompt TEXT");
  }
  if (spec.maxTokens !== void 0 && !(Number.isInteger(spec.maxTokens) && spec.maxTokens > 0)) {
    throw new TemplateError(`--max-tokens must be a positive integer, got ${spec.maxTokens}`);
  }
  if (endpoint === "embeddings") {
    for (const [flag, set] of [["--system", spec.system], ["--max-tokens", spec.maxTokens], ["--response-format", spec.responseFormat]]) {
      if (set !== void 0) throw new TemplateError(`${flag} does not apply to embeddings`);
    }
  }
  const format = spec.responseFormat === void 0 ? null : loadResponseFormat(spec.responseFormat);
  const notes = format ? [...format.notes] : [];
  const isJsonTemplate = spec.template !== void 0 && extname3(spec.template).toLowerCase() === ".json";
  const base = isJsonTemplate ? jsonBodyTemplate(spec, notes) : textBodyTemplate(spec, endpoint);
  const model = spec.model ?? base.model;
  const columns = placeholdersIn(stringsOf(base.body).join("\n"));
  return {
    endpoint,
    url: ENDPOINT_URLS[endpoint],
    model,
    columns,
    notes,
    build(values) {
      const body = { model, ...fillStrings(base.body, values) };
      if (spec.maxTokens !== void 0) body[endpoint === "responses" ? "max_output_tokens" : "max_completion_tokens"] = spec.maxTokens;
      if (format) applyResponseFormat(body, endpoint, format);
      return body;
    }
  };
}
function textBodyTemplate(spec, endpoint) {
  if (spec.model === void 0) throw new TemplateError("--model is required (a text template does not name one)");
  const user = spec.prompt ?? readTemplateText(spec.template);
  if (endpoint === "embeddings") return { body: { input: user }, model: spec.model };
  if (endpoint === "responses") {
    return { body: { input: user, ...spec.system !== void 0 ? { instructions: spec.system } : {} }, model: spec.model };
  }
  const messages = [];
  if (spec.system !== void 0) messages.push({ role: "system", content: spec.system });
  messages.push({ role: "user", content: user });
  return { body: { messages }, model: spec.model };
}
function jsonBodyTemplate(spec, notes) {
  if (spec.system !== void 0) throw new TemplateError("--system does not combine with a JSON body template; put the system message in it");
  let body;
  try {
    body = JSON.parse(readTemplateText(spec.template));
  } catch (err) {
    if (err.code) throw err;
    throw new TemplateError(`template ${spec.template} is not valid JSON: ${err.message}`);
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new TemplateError(`template ${spec.template} must be a request body (a JSON object), e.g. {"messages": [\u2026]}`);
  }
  const { model, ...rest } = body;
  if (spec.model === void 0 && (typeof model !== "string" || model.length === 0)) {
    throw new TemplateError(`--model is required (template ${spec.template} has no "model")`);
  }
  if (spec.model !== void 0 && typeof model === "string" && model !== spec.model) {
    notes.push(`--model ${spec.model} replaces the template's "model": "${model}"`);
  }
  return { body: rest, model };
}
function readTemplateText(path) {
  return readFileSync2(path, "utf8").replace(/^\uFEFF/, "").replace(/\r?\n$/, "");
}
function stringsOf(value, out = []) {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out);
  else if (typeof value === "object" && value !== null) for (const v of Object.values(value)) stringsOf(v, out);
  return out;
}
function fillStrings(value, values) {
  if (typeof value === "string") return fillPlaceholders(value, values);
  if (Array.isArray(value)) return value.map((v) => fillStrings(v, values));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillStrings(v, values)]));
  }
  return value;
}

// src/prepare/prepareRequests.ts
var CHUNK_CHARS = 1 << 16;
async function prepareRequests(opts) {
  const template = compileTemplate(opts);
  const format = dataFormatOf(opts.data, opts.format);
  const name = opts.data;
  if (format === "csv") checkHeader(await readDataColumns(opts.data, { format }), template, opts, name);
  const problems = [];
  const ids2 = new IdRegistry();
  const warnings = /* @__PURE__ */ new Map();
  await mkdir(dirname(opts.out), { recursive: true });
  const temp = join(dirname(opts.out), `.${basename2(opts.out)}.${process.pid}.partial`);
  const out = createWriteStream(temp, { encoding: "utf8" });
  let writeError = null;
  out.on("error", (err) => writeError = err);
  let chunk = "";
  let requests = 0;
  try {
    const rows = readDataRows(opts.data, { format, displayName: name, onProblem: (p) => problems.push(p) });
    for await (const row of rows) {
      const line = requestLine(row, template, opts.idColumn, ids2, problems, warnings);
      if (line === null || problems.length > 0) continue;
      requests++;
      chunk += line + "\n";
      if (chunk.length >= CHUNK_CHARS) {
        if (!out.write(chunk)) await once(out, "drain");
        chunk = "";
      }
    }
    if (writeError) throw writeError;
    if (problems.length > 0) throw new DataFileError(name, problems);
    if (requests === 0) throw new TemplateError(`${name} has no rows: nothing to prepare`);
    out.end(chunk);
    await once(out, "finish");
    await rename(temp, opts.out);
  } catch (err) {
    out.destroy();
    await rm(temp, { force: true });
    throw err;
  }
  const notes = [...template.notes];
  for (const [warning, count2] of warnings) notes.push(count2 > 1 ? `${warning} (${count2} requests)` : warning);
  return { path: opts.out, requests, endpoint: template.url, model: template.model, notes };
}
function requestLine(row, template, idColumn, ids2, problems, warnings) {
  const before = problems.length;
  const at = (reason) => problems.push({ line: row.line, reason });
  const rowId = rowCustomId(row, idColumn);
  if ("problem" in rowId) at(rowId.problem);
  else {
    const dup = ids2.add(rowId.id, row);
    if (dup) at(dup);
  }
  for (const column of missingColumns(template.columns, row.values)) {
    at(`row ${row.row} has no column "${column}" (used as {{${column}}} in the template)`);
  }
  if (problems.length > before || "problem" in rowId) return null;
  const line = JSON.stringify({ custom_id: rowId.id, method: "POST", url: template.url, body: template.build(row.values) });
  const check = validateLine(line, row.line);
  for (const reason of check.problems) at(`row ${row.row}: the request would be refused: ${reason}`);
  for (const warning of check.warnings) {
    const key = warning.replace(/ is \d+ characters/, " is long");
    warnings.set(key, (warnings.get(key) ?? 0) + 1);
  }
  return check.problems.length > 0 ? null : line;
}
function checkHeader(columns, template, opts, name) {
  const have = new Set(columns);
  const problems = [];
  const list = columns.map((c) => JSON.stringify(c)).join(", ");
  for (const column of template.columns) {
    if (!have.has(column)) problems.push({ line: 1, reason: `the template uses {{${column}}} but the header has no column "${column}" (columns: ${list})` });
  }
  if (opts.idColumn !== void 0 && !have.has(opts.idColumn)) {
    problems.push({ line: 1, reason: `--id-column "${opts.idColumn}" is not a column (columns: ${list})` });
  }
  if (problems.length > 0) throw new DataFileError(name, problems);
}

// src/join/joinResults.ts
import { createWriteStream as createWriteStream3, existsSync, readFileSync as readFileSync3 } from "node:fs";
import { mkdir as mkdir2, rename as rename3, rm as rm3 } from "node:fs/promises";
import { once as once3 } from "node:events";
import { basename as basename4, dirname as dirname3, join as join3 } from "node:path";
import { pipeline } from "node:stream/promises";

// src/join/errors.ts
var JoinError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "JoinError";
  }
};

// src/join/parseAnswer.ts
function answerParser(parse2) {
  if (parse2 === "json") return { kind: "json", columns: [], parse: parseJsonAnswer };
  let re;
  try {
    re = new RegExp(parse2, "u");
  } catch (err) {
    throw new JoinError(`--parse: not a valid regular expression: ${err.message}`);
  }
  const names = Object.keys(new RegExp(`${parse2}|`, "u").exec("")?.groups ?? {});
  if (names.length === 0) throw new JoinError(`--parse: the expression has no named group; name what becomes a column, e.g. (?<label>\\w+)`);
  return {
    kind: parse2,
    columns: names,
    parse(text) {
      const m = re.exec(text);
      if (!m) return { problem: `does not match /${parse2}/` };
      return { fields: Object.fromEntries(names.map((n) => [n, m.groups?.[n] ?? ""])) };
    }
  };
}
var FENCED = /^\s*```[a-zA-Z]*\s*\n([\s\S]*?)\n?```\s*$/;
function parseJsonAnswer(text) {
  const body = FENCED.exec(text)?.[1] ?? text;
  let value;
  try {
    value = JSON.parse(body);
  } catch (err) {
    return { problem: `not JSON (${err.message})` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { problem: "JSON, but not an object" };
  const fields = {};
  for (const [k, v] of Object.entries(value)) fields[k] = cellText(v);
  return { fields };
}

// src/join/readResults.ts
import { closeSync, openSync } from "node:fs";

// src/join/answerOf.ts
var isObject2 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function answerOf(response) {
  if (!isObject2(response)) return { text: null, kind: "other" };
  if (response.object === "list") return { text: answerText(response) || null, kind: "embedding" };
  if (Array.isArray(response.results)) return { text: answerText(response) || null, kind: "other" };
  const message = Array.isArray(response.choices) && isObject2(response.choices[0]) ? response.choices[0].message : void 0;
  if (isObject2(message)) {
    if (typeof message.content !== "string" && typeof message.refusal === "string") return { text: message.refusal, kind: "refusal" };
    if (typeof message.content !== "string") return { text: answerText(response) || null, kind: "other" };
  }
  const text = answerText(response);
  return text === "" ? { text: null, kind: "other" } : { text, kind: "text" };
}
function declaresJson(response) {
  if (!isObject2(response) || !isObject2(response.text) || !isObject2(response.text.format)) return false;
  const type = response.text.format.type;
  return type === "json_schema" || type === "json_object";
}

// src/join/readResults.ts
var JSON_PARSER = answerParser("json");
var ResultIndex = class _ResultIndex {
  /** Parsed field names in first-seen order (a regex's groups, or JSON keys as met). */
  fieldColumns;
  parsed;
  entries;
  parser;
  fd;
  constructor(path, entries, fieldColumns, parsed, parser) {
    this.entries = entries;
    this.fieldColumns = fieldColumns;
    this.parsed = parsed;
    this.parser = parser;
    this.fd = openSync(path, "r");
  }
  /** `parser` applies to every succeeded text answer; with none, a Responses body that declares JSON is still parsed. */
  static async build(path, parser) {
    const entries = /* @__PURE__ */ new Map();
    const fields = new Set(parser?.columns ?? []);
    const problems = [];
    let parsed = 0;
    let line = 0;
    for await (const located of scanLines(path)) {
      line++;
      const record = parseRecord(located.text);
      if (typeof record === "string") {
        problems.push({ line, reason: record });
        continue;
      }
      if (entries.has(record.custom_id)) {
        problems.push({ line, reason: `custom_id ${JSON.stringify(record.custom_id)} appears twice` });
        continue;
      }
      entries.set(record.custom_id, { offset: located.offset, length: located.length, matched: false });
      const joined = toJoined(record, parser);
      if (joined.fields) {
        parsed++;
        for (const k of Object.keys(joined.fields)) fields.add(k);
      }
    }
    if (problems.length > 0) throw new DataFileError(path, problems);
    return new _ResultIndex(path, entries, [...fields], parsed, parser);
  }
  get size() {
    return this.entries.size;
  }
  /** The result for a row's custom_id (marked as matched), or undefined when results.jsonl has none. */
  take(id) {
    const entry = this.entries.get(id);
    if (!entry) return void 0;
    entry.matched = true;
    return toJoined(JSON.parse(readLineAt(this.fd, entry.offset, entry.length)), this.parser);
  }
  /** custom_ids no row asked for, in file order. */
  unmatched() {
    return [...this.entries].filter(([, e]) => !e.matched).map(([id]) => id);
  }
  firstIds(n) {
    return [...this.entries.keys()].slice(0, n);
  }
  close() {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
};
function parseRecord(text) {
  let record;
  try {
    record = JSON.parse(text);
  } catch (err) {
    return `not valid JSON: ${err.message}`;
  }
  if (typeof record?.custom_id !== "string" || typeof record.status !== "string") {
    return "not a batchwise result line (needs custom_id and status)";
  }
  return record;
}
function toJoined(record, parser) {
  const answer = record.status === "succeeded" ? answerOf(record.response) : null;
  const rowParser = parser ?? (declaresJson(record.response) ? JSON_PARSER : null);
  let fields = null;
  let unparsed = null;
  if (rowParser && answer?.kind === "text") {
    const outcome = rowParser.parse(answer.text);
    if ("fields" in outcome) fields = outcome.fields;
    else unparsed = outcome.problem;
  } else if (rowParser && answer && answer.kind !== "embedding") {
    unparsed = answer.kind === "refusal" ? "the model refused" : "no answer text";
  }
  const tokens = record.usage ? usageTokens(record.usage) : null;
  return {
    status: record.status,
    answer: answer?.text ?? "",
    fields,
    unparsed,
    input_tokens: tokens?.input ?? null,
    output_tokens: tokens?.output ?? null,
    cost_usd: typeof record.cost_usd === "number" ? record.cost_usd : null,
    error: record.error ? `${record.error.code}: ${record.error.message}` : ""
  };
}

// src/join/unparsedRequests.ts
import { createWriteStream as createWriteStream2 } from "node:fs";
import { rename as rename2, rm as rm2 } from "node:fs/promises";
import { once as once2 } from "node:events";
import { basename as basename3, dirname as dirname2, join as join2 } from "node:path";
var UnparsedRequests = class {
  path;
  requests;
  template;
  /** Only with a request file: the ids to copy from it (ids only, never bodies). */
  ids = /* @__PURE__ */ new Set();
  temp;
  out = null;
  writeError = null;
  count = 0;
  constructor(path, requests, template) {
    this.path = path;
    this.requests = requests;
    this.template = requests ? null : template;
    this.temp = join2(dirname2(path), `.${basename3(path)}.${process.pid}.partial`);
  }
  /** False when there is nothing to write the requests from (neither a request file nor a template). */
  get canWrite() {
    return this.requests !== void 0 || this.template !== null;
  }
  async add(id, row) {
    this.count++;
    if (this.requests !== void 0) this.ids.add(id);
    else if (this.template && missingColumns(this.template.columns, row.values).length === 0) {
      await this.write(JSON.stringify({ custom_id: id, method: "POST", url: this.template.url, body: this.template.build(row.values) }));
    }
  }
  /** Writes what is left and puts the file in place; null when there was nothing to write. A stale file from an
   *  earlier join is removed then, so the file always speaks of this join. */
  async finish() {
    if (!this.canWrite) return null;
    if (this.count === 0) {
      await rm2(this.path, { force: true });
      return null;
    }
    if (this.requests !== void 0) {
      for await (const raw of readJsonlLines(this.requests)) {
        let id;
        try {
          id = JSON.parse(raw.text).custom_id;
        } catch {
          continue;
        }
        if (typeof id === "string" && this.ids.has(id)) await this.write(raw.text);
      }
    }
    const out = this.open();
    if (this.writeError) throw this.writeError;
    out.end();
    await once2(out, "finish");
    await rename2(this.temp, this.path);
    return this.path;
  }
  async abort() {
    this.out?.destroy();
    await rm2(this.temp, { force: true });
  }
  open() {
    if (!this.out) {
      this.out = createWriteStream2(this.temp, { encoding: "utf8" });
      this.out.on("error", (err) => this.writeError = err);
    }
    return this.out;
  }
  async write(line) {
    const out = this.open();
    if (this.writeError) throw this.writeError;
    if (!out.write(line + "\n")) await once2(out, "drain");
  }
};

// src/join/joinResults.ts
function requestFileOfRun(resultsPath) {
  try {
    const state = JSON.parse(readFileSync3(join3(dirname3(resultsPath), "state.json"), "utf8"));
    return typeof state.input_file === "string" && existsSync(state.input_file) ? state.input_file : void 0;
  } catch {
    return void 0;
  }
}
var SAMPLE = 10;
var RESULT_COLUMNS = ["answer", "status", "input_tokens", "output_tokens", "cost_usd", "error"];
async function joinResults(given) {
  const opts = { ...given, requests: given.requests ?? requestFileOfRun(given.results) };
  if (opts.requests !== void 0 && !existsSync(opts.requests)) throw new JoinError(`--requests ${opts.requests}: no such file`);
  const parser = await chooseParser(opts);
  const dataColumns = await readDataColumns(opts.data, { format: opts.format });
  if (opts.idColumn !== void 0 && !dataColumns.includes(opts.idColumn)) {
    throw new JoinError(`--id-column "${opts.idColumn}" is not a column of ${opts.data} (columns: ${dataColumns.join(", ")})`);
  }
  const index = await ResultIndex.build(opts.results, parser);
  const names = outputNames(dataColumns, opts.idColumn === void 0, index.fieldColumns);
  const template = opts.prepare && !opts.requests ? compileTemplate(opts.prepare) : null;
  const unparsed = new UnparsedRequests(opts.unparsedOut ?? join3(dirname3(opts.results), "unparsed.jsonl"), opts.requests, template);
  const statuses = {};
  const unparsedIds = [];
  let unparsedCount = 0;
  let rows = 0;
  let matched = 0;
  let cost = 0;
  let unparsed_path = null;
  await mkdir2(dirname3(opts.out), { recursive: true });
  const temp = join3(dirname3(opts.out), `.${basename4(opts.out)}.${process.pid}.partial`);
  const csv = stringify({ header: true, columns: names.header });
  const written = pipeline(csv, createWriteStream3(temp));
  written.catch(() => {
  });
  try {
    for await (const row of readDataRows(opts.data, { format: opts.format })) {
      rows++;
      const rowId = rowCustomId(row, opts.idColumn);
      const id = "id" in rowId ? rowId.id : null;
      const result = id === null ? void 0 : index.take(id);
      const status = result?.status ?? "missing";
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (result) {
        matched++;
        cost += result.cost_usd ?? 0;
        if (result.unparsed !== null) {
          if (unparsedIds.length < SAMPLE) unparsedIds.push(id);
          unparsedCount++;
          await unparsed.add(id, row);
        }
      }
      const missing = "problem" in rowId ? rowId.problem : `no result for custom_id ${JSON.stringify(id)}`;
      if (!csv.write(outputRow(row, id, result, names, index.fieldColumns, missing))) await once3(csv, "drain");
    }
    csv.end();
    await written;
    if (index.size > 0 && matched === 0) throw noneMatched(index.firstIds(3), opts);
    await rename3(temp, opts.out);
    unparsed_path = await unparsed.finish();
  } catch (err) {
    csv.destroy();
    await unparsed.abort();
    await rm3(temp, { force: true });
    throw err;
  } finally {
    index.close();
  }
  const unmatched = index.unmatched();
  return {
    out: opts.out,
    rows,
    columns: names.header,
    statuses,
    parsed: index.parsed,
    parse: parser?.kind ?? (index.parsed > 0 || unparsedCount > 0 ? "json" : null),
    unparsed: { count: unparsedCount, ids: unparsedIds },
    unparsed_path,
    unmatched_results: sample(unmatched),
    cost_usd: cost
  };
}
async function chooseParser(opts) {
  if (opts.parse !== void 0) return answerParser(opts.parse);
  if (opts.prepare?.responseFormat !== void 0) return answerParser("json");
  if (opts.requests !== void 0) {
    for await (const raw of readJsonlLines(opts.requests)) {
      try {
        const body = JSON.parse(raw.text).body;
        const type = body?.response_format?.type ?? body?.text?.format?.type;
        if (type === "json_schema" || type === "json_object") return answerParser("json");
      } catch {
      }
      break;
    }
  }
  return null;
}
function outputNames(dataColumns, withCustomId, fieldColumns) {
  const taken = new Set(dataColumns);
  const claim = (name) => {
    let n = name;
    for (let i = 2; taken.has(n); i++) n = i === 2 ? `result_${name}` : `result_${name}_${i}`;
    taken.add(n);
    return n;
  };
  const header = [...dataColumns];
  const customId = withCustomId ? claim("custom_id") : null;
  if (customId) header.push(customId);
  const result = {};
  const fields = {};
  result.answer = claim("answer");
  header.push(result.answer);
  for (const f of fieldColumns) header.push(fields[f] = claim(f));
  for (const c of RESULT_COLUMNS.slice(1)) header.push(result[c] = claim(c));
  return { header, result, fields, customId };
}
function outputRow(row, id, r, names, fieldColumns, missing) {
  const out = { ...row.values };
  if (names.customId) out[names.customId] = id ?? "";
  const n = names.result;
  out[n.answer] = r?.answer ?? "";
  for (const f of fieldColumns) out[names.fields[f]] = r?.fields?.[f] ?? "";
  out[n.status] = r?.status ?? "missing";
  out[n.input_tokens] = r?.input_tokens ?? "";
  out[n.output_tokens] = r?.output_tokens ?? "";
  out[n.cost_usd] = r?.cost_usd ?? "";
  out[n.error] = r ? r.error || (r.unparsed !== null ? `unparsed: ${r.unparsed}` : "") : missing;
  return out;
}
function noneMatched(firstIds, opts) {
  const some = firstIds.map((id) => JSON.stringify(id)).join(", ");
  const rule = opts.idColumn === void 0 ? "row-1, row-2, \u2026 (no --id-column)" : `the values of column "${opts.idColumn}"`;
  return new JoinError(
    `no result matches a row of ${opts.data}: results have custom_ids like ${some}, the rows give ${rule}. Pass the --id-column that prepare used.`
  );
}
function sample(ids2) {
  return { count: ids2.length, ids: ids2.slice(0, SAMPLE) };
}

// src/join/renderJoinSummary.ts
var count = (n, noun) => `${n} ${noun}${n === 1 ? "" : "s"}`;
var ids = (s) => s.ids.map((id) => JSON.stringify(id)).join(", ") + (s.count > s.ids.length ? ", \u2026" : "");
function renderJoinSummary(s) {
  const lines = [];
  const statuses = Object.entries(s.statuses).map(([k, v]) => `${v} ${k}`).join(", ");
  lines.push(`wrote ${s.out}: ${count(s.rows, "row")} (${statuses || "none"}), ${formatUsd(s.cost_usd)}`);
  if (s.parse !== null) {
    lines.push(`parsed ${count(s.parsed, "answer")} (${s.parse === "json" ? "JSON" : `/${s.parse}/`}) into columns`);
  }
  if (s.unparsed.count > 0) {
    lines.push(`${count(s.unparsed.count, "answer")} did not parse: ${ids(s.unparsed)}`);
    lines.push(
      s.unparsed_path ? `  their requests are in ${s.unparsed_path}, ready for \`batchwise run\`` : "  pass --requests FILE (or the prepare options) to write them as requests to run again"
    );
  }
  if (s.statuses.missing) lines.push(`${count(s.statuses.missing, "row")} without a result (status "missing")`);
  if (s.unmatched_results.count > 0) {
    lines.push(`${count(s.unmatched_results.count, "result")} matching no row: ${ids(s.unmatched_results)}`);
  }
  return lines.join("\n") + "\n";
}

export {
  now,
  prepareRequests,
  joinResults,
  renderJoinSummary
};
