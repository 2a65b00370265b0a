import { createRequire as __bwCreateRequire } from 'node:module';
import { fileURLToPath as __bwFileURLToPath } from 'node:url';
import { dirname as __bwDirname } from 'node:path';
const require = __bwCreateRequire(import.meta.url);
const __bwFilename = __bwFileURLToPath(import.meta.url);
const __bwDirnameValue = __bwDirname(__bwFilename);
import {
  joinResults,
  prepareRequests,
  renderJoinSummary
} from "./chunk-VLQHVZOB.js";
import {
  renderEstimateMarkdown
} from "./chunk-YKTRCZ6S.js";
import {
  OpenAI,
  batchStatus,
  cancelRun,
  redactSecrets,
  runFile
} from "./chunk-7CVOKITO.js";
import {
  VERSION,
  answerText,
  estimateFile,
  estimateToJson,
  normalize_options,
  stringifier
} from "./chunk-6KDZKEME.js";
import {
  ENDPOINTS,
  countRequestTokens,
  countText,
  encodingNameForModel,
  readJsonlLines
} from "./chunk-2KLQBHXG.js";
import {
  formatDuration,
  formatGoDuration,
  formatInt,
  formatPercent,
  formatUsd,
  padTable,
  parseDuration,
  truncate,
  wrap
} from "./chunk-QFOLXEZL.js";
import {
  loadCatalog
} from "./chunk-T253CA67.js";
import "./chunk-64PVKJPU.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-NUO5XWAE.js";

// node_modules/busboy/lib/utils.js
var require_utils = __commonJS({
  "node_modules/busboy/lib/utils.js"(exports, module) {
    "use strict";
    function parseContentType(str) {
      if (str.length === 0)
        return;
      const params = /* @__PURE__ */ Object.create(null);
      let i = 0;
      for (; i < str.length; ++i) {
        const code = str.charCodeAt(i);
        if (TOKEN[code] !== 1) {
          if (code !== 47 || i === 0)
            return;
          break;
        }
      }
      if (i === str.length)
        return;
      const type = str.slice(0, i).toLowerCase();
      const subtypeStart = ++i;
      for (; i < str.length; ++i) {
        const code = str.charCodeAt(i);
        if (TOKEN[code] !== 1) {
          if (i === subtypeStart)
            return;
          if (parseContentTypeParams(str, i, params) === void 0)
            return;
          break;
        }
      }
      if (i === subtypeStart)
        return;
      const subtype = str.slice(subtypeStart, i).toLowerCase();
      return { type, subtype, params };
    }
    function parseContentTypeParams(str, i, params) {
      while (i < str.length) {
        for (; i < str.length; ++i) {
          const code = str.charCodeAt(i);
          if (code !== 32 && code !== 9)
            break;
        }
        if (i === str.length)
          break;
        if (str.charCodeAt(i++) !== 59)
          return;
        for (; i < str.length; ++i) {
          const code = str.charCodeAt(i);
          if (code !== 32 && code !== 9)
            break;
        }
        if (i === str.length)
          return;
        let name;
        const nameStart = i;
        for (; i < str.length; ++i) {
          const code = str.charCodeAt(i);
          if (TOKEN[code] !== 1) {
            if (code !== 61)
              return;
            break;
          }
        }
        if (i === str.length)
          return;
        name = str.slice(nameStart, i);
        ++i;
        if (i === str.length)
          return;
        let value = "";
        let valueStart;
        if (str.charCodeAt(i) === 34) {
          valueStart = ++i;
          let escaping = false;
          for (; i < str.length; ++i) {
            const code = str.charCodeAt(i);
            if (code === 92) {
              if (escaping) {
                valueStart = i;
                escaping = false;
              } else {
                value += str.slice(valueStart, i);
                escaping = true;
              }
              continue;
            }
            if (code === 34) {
              if (escaping) {
                valueStart = i;
                escaping = false;
                continue;
              }
              value += str.slice(valueStart, i);
              break;
            }
            if (escaping) {
              valueStart = i - 1;
              escaping = false;
            }
            if (QDTEXT[code] !== 1)
              return;
          }
          if (i === str.length)
            return;
          ++i;
        } else {
          valueStart = i;
          for (; i < str.length; ++i) {
            const code = str.charCodeAt(i);
            if (TOKEN[code] !== 1) {
              if (i === valueStart)
                return;
              break;
            }
          }
          value = str.slice(valueStart, i);
        }
        name = name.toLowerCase();
        if (params[name] === void 0)
          params[name] = value;
      }
      return params;
    }
    function parseDisposition(str, defDecoder) {
      if (str.length === 0)
        return;
      const params = /* @__PURE__ */ Object.create(null);
      let i = 0;
      for (; i < str.length; ++i) {
        const code = str.charCodeAt(i);
        if (TOKEN[code] !== 1) {
          if (parseDispositionParams(str, i, params, defDecoder) === void 0)
            return;
          break;
        }
      }
      const type = str.slice(0, i).toLowerCase();
      return { type, params };
    }
    function parseDispositionParams(str, i, params, defDecoder) {
      while (i < str.length) {
        for (; i < str.length; ++i) {
          const code = str.charCodeAt(i);
          if (code !== 32 && code !== 9)
            break;
        }
        if (i === str.length)
          break;
        if (str.charCodeAt(i++) !== 59)
          return;
        for (; i < str.length; ++i) {
          const code = str.charCodeAt(i);
          if (code !== 32 && code !== 9)
            break;
        }
        if (i === str.length)
          return;
        let name;
        const nameStart = i;
        for (; i < str.length; ++i) {
          const code = str.charCodeAt(i);
          if (TOKEN[code] !== 1) {
            if (code === 61)
              break;
            return;
          }
        }
        if (i === str.length)
          return;
        let value = "";
        let valueStart;
        let charset;
        name = str.slice(nameStart, i);
        if (name.charCodeAt(name.length - 1) === 42) {
          const charsetStart = ++i;
          for (; i < str.length; ++i) {
            const code = str.charCodeAt(i);
            if (CHARSET[code] !== 1) {
              if (code !== 39)
                return;
              break;
            }
          }
          if (i === str.length)
            return;
          charset = str.slice(charsetStart, i);
          ++i;
          for (; i < str.length; ++i) {
            const code = str.charCodeAt(i);
            if (code === 39)
              break;
          }
          if (i === str.length)
            return;
          ++i;
          if (i === str.length)
            return;
          valueStart = i;
          let encode = 0;
          for (; i < str.length; ++i) {
            const code = str.charCodeAt(i);
            if (EXTENDED_VALUE[code] !== 1) {
              if (code === 37) {
                let hexUpper;
                let hexLower;
                if (i + 2 < str.length && (hexUpper = HEX_VALUES[str.charCodeAt(i + 1)]) !== -1 && (hexLower = HEX_VALUES[str.charCodeAt(i + 2)]) !== -1) {
                  const byteVal = (hexUpper << 4) + hexLower;
                  value += str.slice(valueStart, i);
                  value += String.fromCharCode(byteVal);
                  i += 2;
                  valueStart = i + 1;
                  if (byteVal >= 128)
                    encode = 2;
                  else if (encode === 0)
                    encode = 1;
                  continue;
                }
                return;
              }
              break;
            }
          }
          value += str.slice(valueStart, i);
          value = convertToUTF8(value, charset, encode);
          if (value === void 0)
            return;
        } else {
          ++i;
          if (i === str.length)
            return;
          if (str.charCodeAt(i) === 34) {
            valueStart = ++i;
            let escaping = false;
            for (; i < str.length; ++i) {
              const code = str.charCodeAt(i);
              if (code === 92) {
                if (escaping) {
                  valueStart = i;
                  escaping = false;
                } else {
                  value += str.slice(valueStart, i);
                  escaping = true;
                }
                continue;
              }
              if (code === 34) {
                if (escaping) {
                  valueStart = i;
                  escaping = false;
                  continue;
                }
                value += str.slice(valueStart, i);
                break;
              }
              if (escaping) {
                valueStart = i - 1;
                escaping = false;
              }
              if (QDTEXT[code] !== 1)
                return;
            }
            if (i === str.length)
              return;
            ++i;
          } else {
            valueStart = i;
            for (; i < str.length; ++i) {
              const code = str.charCodeAt(i);
              if (TOKEN[code] !== 1) {
                if (i === valueStart)
                  return;
                break;
              }
            }
            value = str.slice(valueStart, i);
          }
          value = defDecoder(value, 2);
          if (value === void 0)
            return;
        }
        name = name.toLowerCase();
        if (params[name] === void 0)
          params[name] = value;
      }
      return params;
    }
    function getDecoder(charset) {
      let lc;
      while (true) {
        switch (charset) {
          case "utf-8":
          case "utf8":
            return decoders.utf8;
          case "latin1":
          case "ascii":
          // TODO: Make these a separate, strict decoder?
          case "us-ascii":
          case "iso-8859-1":
          case "iso8859-1":
          case "iso88591":
          case "iso_8859-1":
          case "windows-1252":
          case "iso_8859-1:1987":
          case "cp1252":
          case "x-cp1252":
            return decoders.latin1;
          case "utf16le":
          case "utf-16le":
          case "ucs2":
          case "ucs-2":
            return decoders.utf16le;
          case "base64":
            return decoders.base64;
          default:
            if (lc === void 0) {
              lc = true;
              charset = charset.toLowerCase();
              continue;
            }
            return decoders.other.bind(charset);
        }
      }
    }
    var decoders = {
      utf8: (data, hint) => {
        if (data.length === 0)
          return "";
        if (typeof data === "string") {
          if (hint < 2)
            return data;
          data = Buffer.from(data, "latin1");
        }
        return data.utf8Slice(0, data.length);
      },
      latin1: (data, hint) => {
        if (data.length === 0)
          return "";
        if (typeof data === "string")
          return data;
        return data.latin1Slice(0, data.length);
      },
      utf16le: (data, hint) => {
        if (data.length === 0)
          return "";
        if (typeof data === "string")
          data = Buffer.from(data, "latin1");
        return data.ucs2Slice(0, data.length);
      },
      base64: (data, hint) => {
        if (data.length === 0)
          return "";
        if (typeof data === "string")
          data = Buffer.from(data, "latin1");
        return data.base64Slice(0, data.length);
      },
      other: (data, hint) => {
        if (data.length === 0)
          return "";
        if (typeof data === "string")
          data = Buffer.from(data, "latin1");
        try {
          const decoder = new TextDecoder(exports);
          return decoder.decode(data);
        } catch {
        }
      }
    };
    function convertToUTF8(data, charset, hint) {
      const decode = getDecoder(charset);
      if (decode)
        return decode(data, hint);
    }
    function basename(path2) {
      if (typeof path2 !== "string")
        return "";
      for (let i = path2.length - 1; i >= 0; --i) {
        switch (path2.charCodeAt(i)) {
          case 47:
          // '/'
          case 92:
            path2 = path2.slice(i + 1);
            return path2 === ".." || path2 === "." ? "" : path2;
        }
      }
      return path2 === ".." || path2 === "." ? "" : path2;
    }
    var TOKEN = [
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      0,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      1,
      1,
      0,
      1,
      1,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      1,
      0,
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0
    ];
    var QDTEXT = [
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      1,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1
    ];
    var CHARSET = [
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      0,
      1,
      1,
      1,
      1,
      0,
      0,
      0,
      0,
      1,
      0,
      1,
      0,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      1,
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0
    ];
    var EXTENDED_VALUE = [
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      0,
      1,
      1,
      0,
      1,
      0,
      0,
      0,
      0,
      1,
      0,
      1,
      1,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      1,
      0,
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0
    ];
    var HEX_VALUES = [
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      0,
      1,
      2,
      3,
      4,
      5,
      6,
      7,
      8,
      9,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      10,
      11,
      12,
      13,
      14,
      15,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      10,
      11,
      12,
      13,
      14,
      15,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1
    ];
    module.exports = {
      basename,
      convertToUTF8,
      getDecoder,
      parseContentType,
      parseDisposition
    };
  }
});

// node_modules/streamsearch/lib/sbmh.js
var require_sbmh = __commonJS({
  "node_modules/streamsearch/lib/sbmh.js"(exports, module) {
    "use strict";
    function memcmp(buf1, pos1, buf2, pos2, num) {
      for (let i = 0; i < num; ++i) {
        if (buf1[pos1 + i] !== buf2[pos2 + i])
          return false;
      }
      return true;
    }
    var SBMH = class {
      constructor(needle, cb) {
        if (typeof cb !== "function")
          throw new Error("Missing match callback");
        if (typeof needle === "string")
          needle = Buffer.from(needle);
        else if (!Buffer.isBuffer(needle))
          throw new Error(`Expected Buffer for needle, got ${typeof needle}`);
        const needleLen = needle.length;
        this.maxMatches = Infinity;
        this.matches = 0;
        this._cb = cb;
        this._lookbehindSize = 0;
        this._needle = needle;
        this._bufPos = 0;
        this._lookbehind = Buffer.allocUnsafe(needleLen);
        this._occ = [
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen,
          needleLen
        ];
        if (needleLen > 1) {
          for (let i = 0; i < needleLen - 1; ++i)
            this._occ[needle[i]] = needleLen - 1 - i;
        }
      }
      reset() {
        this.matches = 0;
        this._lookbehindSize = 0;
        this._bufPos = 0;
      }
      push(chunk, pos) {
        let result;
        if (!Buffer.isBuffer(chunk))
          chunk = Buffer.from(chunk, "latin1");
        const chunkLen = chunk.length;
        this._bufPos = pos || 0;
        while (result !== chunkLen && this.matches < this.maxMatches)
          result = feed(this, chunk);
        return result;
      }
      destroy() {
        const lbSize = this._lookbehindSize;
        if (lbSize)
          this._cb(false, this._lookbehind, 0, lbSize, false);
        this.reset();
      }
    };
    function feed(self, data) {
      const len = data.length;
      const needle = self._needle;
      const needleLen = needle.length;
      let pos = -self._lookbehindSize;
      const lastNeedleCharPos = needleLen - 1;
      const lastNeedleChar = needle[lastNeedleCharPos];
      const end = len - needleLen;
      const occ = self._occ;
      const lookbehind = self._lookbehind;
      if (pos < 0) {
        while (pos < 0 && pos <= end) {
          const nextPos = pos + lastNeedleCharPos;
          const ch = nextPos < 0 ? lookbehind[self._lookbehindSize + nextPos] : data[nextPos];
          if (ch === lastNeedleChar && matchNeedle(self, data, pos, lastNeedleCharPos)) {
            self._lookbehindSize = 0;
            ++self.matches;
            if (pos > -self._lookbehindSize)
              self._cb(true, lookbehind, 0, self._lookbehindSize + pos, false);
            else
              self._cb(true, void 0, 0, 0, true);
            return self._bufPos = pos + needleLen;
          }
          pos += occ[ch];
        }
        while (pos < 0 && !matchNeedle(self, data, pos, len - pos))
          ++pos;
        if (pos < 0) {
          const bytesToCutOff = self._lookbehindSize + pos;
          if (bytesToCutOff > 0) {
            self._cb(false, lookbehind, 0, bytesToCutOff, false);
          }
          self._lookbehindSize -= bytesToCutOff;
          lookbehind.copy(lookbehind, 0, bytesToCutOff, self._lookbehindSize);
          lookbehind.set(data, self._lookbehindSize);
          self._lookbehindSize += len;
          self._bufPos = len;
          return len;
        }
        self._cb(false, lookbehind, 0, self._lookbehindSize, false);
        self._lookbehindSize = 0;
      }
      pos += self._bufPos;
      const firstNeedleChar = needle[0];
      while (pos <= end) {
        const ch = data[pos + lastNeedleCharPos];
        if (ch === lastNeedleChar && data[pos] === firstNeedleChar && memcmp(needle, 0, data, pos, lastNeedleCharPos)) {
          ++self.matches;
          if (pos > 0)
            self._cb(true, data, self._bufPos, pos, true);
          else
            self._cb(true, void 0, 0, 0, true);
          return self._bufPos = pos + needleLen;
        }
        pos += occ[ch];
      }
      while (pos < len) {
        if (data[pos] !== firstNeedleChar || !memcmp(data, pos, needle, 0, len - pos)) {
          ++pos;
          continue;
        }
        data.copy(lookbehind, 0, pos, len);
        self._lookbehindSize = len - pos;
        break;
      }
      if (pos > 0)
        self._cb(false, data, self._bufPos, pos < len ? pos : len, true);
      self._bufPos = len;
      return len;
    }
    function matchNeedle(self, data, pos, len) {
      const lb = self._lookbehind;
      const lbSize = self._lookbehindSize;
      const needle = self._needle;
      for (let i = 0; i < len; ++i, ++pos) {
        const ch = pos < 0 ? lb[lbSize + pos] : data[pos];
        if (ch !== needle[i])
          return false;
      }
      return true;
    }
    module.exports = SBMH;
  }
});

// node_modules/busboy/lib/types/multipart.js
var require_multipart = __commonJS({
  "node_modules/busboy/lib/types/multipart.js"(exports, module) {
    "use strict";
    var { Readable, Writable } = __require("stream");
    var StreamSearch = require_sbmh();
    var {
      basename,
      convertToUTF8,
      getDecoder,
      parseContentType,
      parseDisposition
    } = require_utils();
    var BUF_CRLF = Buffer.from("\r\n");
    var BUF_CR = Buffer.from("\r");
    var BUF_DASH = Buffer.from("-");
    function noop() {
    }
    var MAX_HEADER_PAIRS = 2e3;
    var MAX_HEADER_SIZE = 16 * 1024;
    var HPARSER_NAME = 0;
    var HPARSER_PRE_OWS = 1;
    var HPARSER_VALUE = 2;
    var HeaderParser = class {
      constructor(cb) {
        this.header = /* @__PURE__ */ Object.create(null);
        this.pairCount = 0;
        this.byteCount = 0;
        this.state = HPARSER_NAME;
        this.name = "";
        this.value = "";
        this.crlf = 0;
        this.cb = cb;
      }
      reset() {
        this.header = /* @__PURE__ */ Object.create(null);
        this.pairCount = 0;
        this.byteCount = 0;
        this.state = HPARSER_NAME;
        this.name = "";
        this.value = "";
        this.crlf = 0;
      }
      push(chunk, pos, end) {
        let start = pos;
        while (pos < end) {
          switch (this.state) {
            case HPARSER_NAME: {
              let done = false;
              for (; pos < end; ++pos) {
                if (this.byteCount === MAX_HEADER_SIZE)
                  return -1;
                ++this.byteCount;
                const code = chunk[pos];
                if (TOKEN[code] !== 1) {
                  if (code !== 58)
                    return -1;
                  this.name += chunk.latin1Slice(start, pos);
                  if (this.name.length === 0)
                    return -1;
                  ++pos;
                  done = true;
                  this.state = HPARSER_PRE_OWS;
                  break;
                }
              }
              if (!done) {
                this.name += chunk.latin1Slice(start, pos);
                break;
              }
            }
            case HPARSER_PRE_OWS: {
              let done = false;
              for (; pos < end; ++pos) {
                if (this.byteCount === MAX_HEADER_SIZE)
                  return -1;
                ++this.byteCount;
                const code = chunk[pos];
                if (code !== 32 && code !== 9) {
                  start = pos;
                  done = true;
                  this.state = HPARSER_VALUE;
                  break;
                }
              }
              if (!done)
                break;
            }
            case HPARSER_VALUE:
              switch (this.crlf) {
                case 0:
                  for (; pos < end; ++pos) {
                    if (this.byteCount === MAX_HEADER_SIZE)
                      return -1;
                    ++this.byteCount;
                    const code = chunk[pos];
                    if (FIELD_VCHAR[code] !== 1) {
                      if (code !== 13)
                        return -1;
                      ++this.crlf;
                      break;
                    }
                  }
                  this.value += chunk.latin1Slice(start, pos++);
                  break;
                case 1:
                  if (this.byteCount === MAX_HEADER_SIZE)
                    return -1;
                  ++this.byteCount;
                  if (chunk[pos++] !== 10)
                    return -1;
                  ++this.crlf;
                  break;
                case 2: {
                  if (this.byteCount === MAX_HEADER_SIZE)
                    return -1;
                  ++this.byteCount;
                  const code = chunk[pos];
                  if (code === 32 || code === 9) {
                    start = pos;
                    this.crlf = 0;
                  } else {
                    if (++this.pairCount < MAX_HEADER_PAIRS) {
                      this.name = this.name.toLowerCase();
                      if (this.header[this.name] === void 0)
                        this.header[this.name] = [this.value];
                      else
                        this.header[this.name].push(this.value);
                    }
                    if (code === 13) {
                      ++this.crlf;
                      ++pos;
                    } else {
                      start = pos;
                      this.crlf = 0;
                      this.state = HPARSER_NAME;
                      this.name = "";
                      this.value = "";
                    }
                  }
                  break;
                }
                case 3: {
                  if (this.byteCount === MAX_HEADER_SIZE)
                    return -1;
                  ++this.byteCount;
                  if (chunk[pos++] !== 10)
                    return -1;
                  const header = this.header;
                  this.reset();
                  this.cb(header);
                  return pos;
                }
              }
              break;
          }
        }
        return pos;
      }
    };
    var FileStream = class extends Readable {
      constructor(opts, owner) {
        super(opts);
        this.truncated = false;
        this._readcb = null;
        this.once("end", () => {
          this._read();
          if (--owner._fileEndsLeft === 0 && owner._finalcb) {
            const cb = owner._finalcb;
            owner._finalcb = null;
            process.nextTick(cb);
          }
        });
      }
      _read(n) {
        const cb = this._readcb;
        if (cb) {
          this._readcb = null;
          cb();
        }
      }
    };
    var ignoreData = {
      push: (chunk, pos) => {
      },
      destroy: () => {
      }
    };
    function callAndUnsetCb(self, err) {
      const cb = self._writecb;
      self._writecb = null;
      if (err)
        self.destroy(err);
      else if (cb)
        cb();
    }
    function nullDecoder(val, hint) {
      return val;
    }
    var Multipart = class extends Writable {
      constructor(cfg) {
        const streamOpts = {
          autoDestroy: true,
          emitClose: true,
          highWaterMark: typeof cfg.highWaterMark === "number" ? cfg.highWaterMark : void 0
        };
        super(streamOpts);
        if (!cfg.conType.params || typeof cfg.conType.params.boundary !== "string")
          throw new Error("Multipart: Boundary not found");
        const boundary = cfg.conType.params.boundary;
        const paramDecoder = typeof cfg.defParamCharset === "string" && cfg.defParamCharset ? getDecoder(cfg.defParamCharset) : nullDecoder;
        const defCharset = cfg.defCharset || "utf8";
        const preservePath = cfg.preservePath;
        const fileOpts = {
          autoDestroy: true,
          emitClose: true,
          highWaterMark: typeof cfg.fileHwm === "number" ? cfg.fileHwm : void 0
        };
        const limits = cfg.limits;
        const fieldSizeLimit = limits && typeof limits.fieldSize === "number" ? limits.fieldSize : 1 * 1024 * 1024;
        const fileSizeLimit = limits && typeof limits.fileSize === "number" ? limits.fileSize : Infinity;
        const filesLimit = limits && typeof limits.files === "number" ? limits.files : Infinity;
        const fieldsLimit = limits && typeof limits.fields === "number" ? limits.fields : Infinity;
        const partsLimit = limits && typeof limits.parts === "number" ? limits.parts : Infinity;
        let parts = -1;
        let fields = 0;
        let files = 0;
        let skipPart = false;
        this._fileEndsLeft = 0;
        this._fileStream = void 0;
        this._complete = false;
        let fileSize = 0;
        let field;
        let fieldSize = 0;
        let partCharset;
        let partEncoding;
        let partType;
        let partName;
        let partTruncated = false;
        let hitFilesLimit = false;
        let hitFieldsLimit = false;
        this._hparser = null;
        const hparser = new HeaderParser((header) => {
          this._hparser = null;
          skipPart = false;
          partType = "text/plain";
          partCharset = defCharset;
          partEncoding = "7bit";
          partName = void 0;
          partTruncated = false;
          let filename;
          if (!header["content-disposition"]) {
            skipPart = true;
            return;
          }
          const disp = parseDisposition(
            header["content-disposition"][0],
            paramDecoder
          );
          if (!disp || disp.type !== "form-data") {
            skipPart = true;
            return;
          }
          if (disp.params) {
            if (disp.params.name)
              partName = disp.params.name;
            if (disp.params["filename*"])
              filename = disp.params["filename*"];
            else if (disp.params.filename)
              filename = disp.params.filename;
            if (filename !== void 0 && !preservePath)
              filename = basename(filename);
          }
          if (header["content-type"]) {
            const conType = parseContentType(header["content-type"][0]);
            if (conType) {
              partType = `${conType.type}/${conType.subtype}`;
              if (conType.params && typeof conType.params.charset === "string")
                partCharset = conType.params.charset.toLowerCase();
            }
          }
          if (header["content-transfer-encoding"])
            partEncoding = header["content-transfer-encoding"][0].toLowerCase();
          if (partType === "application/octet-stream" || filename !== void 0) {
            if (files === filesLimit) {
              if (!hitFilesLimit) {
                hitFilesLimit = true;
                this.emit("filesLimit");
              }
              skipPart = true;
              return;
            }
            ++files;
            if (this.listenerCount("file") === 0) {
              skipPart = true;
              return;
            }
            fileSize = 0;
            this._fileStream = new FileStream(fileOpts, this);
            ++this._fileEndsLeft;
            this.emit(
              "file",
              partName,
              this._fileStream,
              {
                filename,
                encoding: partEncoding,
                mimeType: partType
              }
            );
          } else {
            if (fields === fieldsLimit) {
              if (!hitFieldsLimit) {
                hitFieldsLimit = true;
                this.emit("fieldsLimit");
              }
              skipPart = true;
              return;
            }
            ++fields;
            if (this.listenerCount("field") === 0) {
              skipPart = true;
              return;
            }
            field = [];
            fieldSize = 0;
          }
        });
        let matchPostBoundary = 0;
        const ssCb = (isMatch, data, start, end, isDataSafe) => {
          retrydata:
            while (data) {
              if (this._hparser !== null) {
                const ret = this._hparser.push(data, start, end);
                if (ret === -1) {
                  this._hparser = null;
                  hparser.reset();
                  this.emit("error", new Error("Malformed part header"));
                  break;
                }
                start = ret;
              }
              if (start === end)
                break;
              if (matchPostBoundary !== 0) {
                if (matchPostBoundary === 1) {
                  switch (data[start]) {
                    case 45:
                      matchPostBoundary = 2;
                      ++start;
                      break;
                    case 13:
                      matchPostBoundary = 3;
                      ++start;
                      break;
                    default:
                      matchPostBoundary = 0;
                  }
                  if (start === end)
                    return;
                }
                if (matchPostBoundary === 2) {
                  matchPostBoundary = 0;
                  if (data[start] === 45) {
                    this._complete = true;
                    this._bparser = ignoreData;
                    return;
                  }
                  const writecb = this._writecb;
                  this._writecb = noop;
                  ssCb(false, BUF_DASH, 0, 1, false);
                  this._writecb = writecb;
                } else if (matchPostBoundary === 3) {
                  matchPostBoundary = 0;
                  if (data[start] === 10) {
                    ++start;
                    if (parts >= partsLimit)
                      break;
                    this._hparser = hparser;
                    if (start === end)
                      break;
                    continue retrydata;
                  } else {
                    const writecb = this._writecb;
                    this._writecb = noop;
                    ssCb(false, BUF_CR, 0, 1, false);
                    this._writecb = writecb;
                  }
                }
              }
              if (!skipPart) {
                if (this._fileStream) {
                  let chunk;
                  const actualLen = Math.min(end - start, fileSizeLimit - fileSize);
                  if (!isDataSafe) {
                    chunk = Buffer.allocUnsafe(actualLen);
                    data.copy(chunk, 0, start, start + actualLen);
                  } else {
                    chunk = data.slice(start, start + actualLen);
                  }
                  fileSize += chunk.length;
                  if (fileSize === fileSizeLimit) {
                    if (chunk.length > 0)
                      this._fileStream.push(chunk);
                    this._fileStream.emit("limit");
                    this._fileStream.truncated = true;
                    skipPart = true;
                  } else if (!this._fileStream.push(chunk)) {
                    if (this._writecb)
                      this._fileStream._readcb = this._writecb;
                    this._writecb = null;
                  }
                } else if (field !== void 0) {
                  let chunk;
                  const actualLen = Math.min(
                    end - start,
                    fieldSizeLimit - fieldSize
                  );
                  if (!isDataSafe) {
                    chunk = Buffer.allocUnsafe(actualLen);
                    data.copy(chunk, 0, start, start + actualLen);
                  } else {
                    chunk = data.slice(start, start + actualLen);
                  }
                  fieldSize += actualLen;
                  field.push(chunk);
                  if (fieldSize === fieldSizeLimit) {
                    skipPart = true;
                    partTruncated = true;
                  }
                }
              }
              break;
            }
          if (isMatch) {
            matchPostBoundary = 1;
            if (this._fileStream) {
              this._fileStream.push(null);
              this._fileStream = null;
            } else if (field !== void 0) {
              let data2;
              switch (field.length) {
                case 0:
                  data2 = "";
                  break;
                case 1:
                  data2 = convertToUTF8(field[0], partCharset, 0);
                  break;
                default:
                  data2 = convertToUTF8(
                    Buffer.concat(field, fieldSize),
                    partCharset,
                    0
                  );
              }
              field = void 0;
              fieldSize = 0;
              this.emit(
                "field",
                partName,
                data2,
                {
                  nameTruncated: false,
                  valueTruncated: partTruncated,
                  encoding: partEncoding,
                  mimeType: partType
                }
              );
            }
            if (++parts === partsLimit)
              this.emit("partsLimit");
          }
        };
        this._bparser = new StreamSearch(`\r
--${boundary}`, ssCb);
        this._writecb = null;
        this._finalcb = null;
        this.write(BUF_CRLF);
      }
      static detect(conType) {
        return conType.type === "multipart" && conType.subtype === "form-data";
      }
      _write(chunk, enc, cb) {
        this._writecb = cb;
        this._bparser.push(chunk, 0);
        if (this._writecb)
          callAndUnsetCb(this);
      }
      _destroy(err, cb) {
        this._hparser = null;
        this._bparser = ignoreData;
        if (!err)
          err = checkEndState(this);
        const fileStream = this._fileStream;
        if (fileStream) {
          this._fileStream = null;
          fileStream.destroy(err);
        }
        cb(err);
      }
      _final(cb) {
        this._bparser.destroy();
        if (!this._complete)
          return cb(new Error("Unexpected end of form"));
        if (this._fileEndsLeft)
          this._finalcb = finalcb.bind(null, this, cb);
        else
          finalcb(this, cb);
      }
    };
    function finalcb(self, cb, err) {
      if (err)
        return cb(err);
      err = checkEndState(self);
      cb(err);
    }
    function checkEndState(self) {
      if (self._hparser)
        return new Error("Malformed part header");
      const fileStream = self._fileStream;
      if (fileStream) {
        self._fileStream = null;
        fileStream.destroy(new Error("Unexpected end of file"));
      }
      if (!self._complete)
        return new Error("Unexpected end of form");
    }
    var TOKEN = [
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      0,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      1,
      1,
      0,
      1,
      1,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      1,
      0,
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0
    ];
    var FIELD_VCHAR = [
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1
    ];
    module.exports = Multipart;
  }
});

// node_modules/busboy/lib/types/urlencoded.js
var require_urlencoded = __commonJS({
  "node_modules/busboy/lib/types/urlencoded.js"(exports, module) {
    "use strict";
    var { Writable } = __require("stream");
    var { getDecoder } = require_utils();
    var URLEncoded = class extends Writable {
      constructor(cfg) {
        const streamOpts = {
          autoDestroy: true,
          emitClose: true,
          highWaterMark: typeof cfg.highWaterMark === "number" ? cfg.highWaterMark : void 0
        };
        super(streamOpts);
        let charset = cfg.defCharset || "utf8";
        if (cfg.conType.params && typeof cfg.conType.params.charset === "string")
          charset = cfg.conType.params.charset;
        this.charset = charset;
        const limits = cfg.limits;
        this.fieldSizeLimit = limits && typeof limits.fieldSize === "number" ? limits.fieldSize : 1 * 1024 * 1024;
        this.fieldsLimit = limits && typeof limits.fields === "number" ? limits.fields : Infinity;
        this.fieldNameSizeLimit = limits && typeof limits.fieldNameSize === "number" ? limits.fieldNameSize : 100;
        this._inKey = true;
        this._keyTrunc = false;
        this._valTrunc = false;
        this._bytesKey = 0;
        this._bytesVal = 0;
        this._fields = 0;
        this._key = "";
        this._val = "";
        this._byte = -2;
        this._lastPos = 0;
        this._encode = 0;
        this._decoder = getDecoder(charset);
      }
      static detect(conType) {
        return conType.type === "application" && conType.subtype === "x-www-form-urlencoded";
      }
      _write(chunk, enc, cb) {
        if (this._fields >= this.fieldsLimit)
          return cb();
        let i = 0;
        const len = chunk.length;
        this._lastPos = 0;
        if (this._byte !== -2) {
          i = readPctEnc(this, chunk, i, len);
          if (i === -1)
            return cb(new Error("Malformed urlencoded form"));
          if (i >= len)
            return cb();
          if (this._inKey)
            ++this._bytesKey;
          else
            ++this._bytesVal;
        }
        main:
          while (i < len) {
            if (this._inKey) {
              i = skipKeyBytes(this, chunk, i, len);
              while (i < len) {
                switch (chunk[i]) {
                  case 61:
                    if (this._lastPos < i)
                      this._key += chunk.latin1Slice(this._lastPos, i);
                    this._lastPos = ++i;
                    this._key = this._decoder(this._key, this._encode);
                    this._encode = 0;
                    this._inKey = false;
                    continue main;
                  case 38:
                    if (this._lastPos < i)
                      this._key += chunk.latin1Slice(this._lastPos, i);
                    this._lastPos = ++i;
                    this._key = this._decoder(this._key, this._encode);
                    this._encode = 0;
                    if (this._bytesKey > 0) {
                      this.emit(
                        "field",
                        this._key,
                        "",
                        {
                          nameTruncated: this._keyTrunc,
                          valueTruncated: false,
                          encoding: this.charset,
                          mimeType: "text/plain"
                        }
                      );
                    }
                    this._key = "";
                    this._val = "";
                    this._keyTrunc = false;
                    this._valTrunc = false;
                    this._bytesKey = 0;
                    this._bytesVal = 0;
                    if (++this._fields >= this.fieldsLimit) {
                      this.emit("fieldsLimit");
                      return cb();
                    }
                    continue;
                  case 43:
                    if (this._lastPos < i)
                      this._key += chunk.latin1Slice(this._lastPos, i);
                    this._key += " ";
                    this._lastPos = i + 1;
                    break;
                  case 37:
                    if (this._encode === 0)
                      this._encode = 1;
                    if (this._lastPos < i)
                      this._key += chunk.latin1Slice(this._lastPos, i);
                    this._lastPos = i + 1;
                    this._byte = -1;
                    i = readPctEnc(this, chunk, i + 1, len);
                    if (i === -1)
                      return cb(new Error("Malformed urlencoded form"));
                    if (i >= len)
                      return cb();
                    ++this._bytesKey;
                    i = skipKeyBytes(this, chunk, i, len);
                    continue;
                }
                ++i;
                ++this._bytesKey;
                i = skipKeyBytes(this, chunk, i, len);
              }
              if (this._lastPos < i)
                this._key += chunk.latin1Slice(this._lastPos, i);
            } else {
              i = skipValBytes(this, chunk, i, len);
              while (i < len) {
                switch (chunk[i]) {
                  case 38:
                    if (this._lastPos < i)
                      this._val += chunk.latin1Slice(this._lastPos, i);
                    this._lastPos = ++i;
                    this._inKey = true;
                    this._val = this._decoder(this._val, this._encode);
                    this._encode = 0;
                    if (this._bytesKey > 0 || this._bytesVal > 0) {
                      this.emit(
                        "field",
                        this._key,
                        this._val,
                        {
                          nameTruncated: this._keyTrunc,
                          valueTruncated: this._valTrunc,
                          encoding: this.charset,
                          mimeType: "text/plain"
                        }
                      );
                    }
                    this._key = "";
                    this._val = "";
                    this._keyTrunc = false;
                    this._valTrunc = false;
                    this._bytesKey = 0;
                    this._bytesVal = 0;
                    if (++this._fields >= this.fieldsLimit) {
                      this.emit("fieldsLimit");
                      return cb();
                    }
                    continue main;
                  case 43:
                    if (this._lastPos < i)
                      this._val += chunk.latin1Slice(this._lastPos, i);
                    this._val += " ";
                    this._lastPos = i + 1;
                    break;
                  case 37:
                    if (this._encode === 0)
                      this._encode = 1;
                    if (this._lastPos < i)
                      this._val += chunk.latin1Slice(this._lastPos, i);
                    this._lastPos = i + 1;
                    this._byte = -1;
                    i = readPctEnc(this, chunk, i + 1, len);
                    if (i === -1)
                      return cb(new Error("Malformed urlencoded form"));
                    if (i >= len)
                      return cb();
                    ++this._bytesVal;
                    i = skipValBytes(this, chunk, i, len);
                    continue;
                }
                ++i;
                ++this._bytesVal;
                i = skipValBytes(this, chunk, i, len);
              }
              if (this._lastPos < i)
                this._val += chunk.latin1Slice(this._lastPos, i);
            }
          }
        cb();
      }
      _final(cb) {
        if (this._byte !== -2)
          return cb(new Error("Malformed urlencoded form"));
        if (!this._inKey || this._bytesKey > 0 || this._bytesVal > 0) {
          if (this._inKey)
            this._key = this._decoder(this._key, this._encode);
          else
            this._val = this._decoder(this._val, this._encode);
          this.emit(
            "field",
            this._key,
            this._val,
            {
              nameTruncated: this._keyTrunc,
              valueTruncated: this._valTrunc,
              encoding: this.charset,
              mimeType: "text/plain"
            }
          );
        }
        cb();
      }
    };
    function readPctEnc(self, chunk, pos, len) {
      if (pos >= len)
        return len;
      if (self._byte === -1) {
        const hexUpper = HEX_VALUES[chunk[pos++]];
        if (hexUpper === -1)
          return -1;
        if (hexUpper >= 8)
          self._encode = 2;
        if (pos < len) {
          const hexLower = HEX_VALUES[chunk[pos++]];
          if (hexLower === -1)
            return -1;
          if (self._inKey)
            self._key += String.fromCharCode((hexUpper << 4) + hexLower);
          else
            self._val += String.fromCharCode((hexUpper << 4) + hexLower);
          self._byte = -2;
          self._lastPos = pos;
        } else {
          self._byte = hexUpper;
        }
      } else {
        const hexLower = HEX_VALUES[chunk[pos++]];
        if (hexLower === -1)
          return -1;
        if (self._inKey)
          self._key += String.fromCharCode((self._byte << 4) + hexLower);
        else
          self._val += String.fromCharCode((self._byte << 4) + hexLower);
        self._byte = -2;
        self._lastPos = pos;
      }
      return pos;
    }
    function skipKeyBytes(self, chunk, pos, len) {
      if (self._bytesKey > self.fieldNameSizeLimit) {
        if (!self._keyTrunc) {
          if (self._lastPos < pos)
            self._key += chunk.latin1Slice(self._lastPos, pos - 1);
        }
        self._keyTrunc = true;
        for (; pos < len; ++pos) {
          const code = chunk[pos];
          if (code === 61 || code === 38)
            break;
          ++self._bytesKey;
        }
        self._lastPos = pos;
      }
      return pos;
    }
    function skipValBytes(self, chunk, pos, len) {
      if (self._bytesVal > self.fieldSizeLimit) {
        if (!self._valTrunc) {
          if (self._lastPos < pos)
            self._val += chunk.latin1Slice(self._lastPos, pos - 1);
        }
        self._valTrunc = true;
        for (; pos < len; ++pos) {
          if (chunk[pos] === 38)
            break;
          ++self._bytesVal;
        }
        self._lastPos = pos;
      }
      return pos;
    }
    var HEX_VALUES = [
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      0,
      1,
      2,
      3,
      4,
      5,
      6,
      7,
      8,
      9,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      10,
      11,
      12,
      13,
      14,
      15,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      10,
      11,
      12,
      13,
      14,
      15,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1
    ];
    module.exports = URLEncoded;
  }
});

// node_modules/busboy/lib/index.js
var require_lib = __commonJS({
  "node_modules/busboy/lib/index.js"(exports, module) {
    "use strict";
    var { parseContentType } = require_utils();
    function getInstance(cfg) {
      const headers = cfg.headers;
      const conType = parseContentType(headers["content-type"]);
      if (!conType)
        throw new Error("Malformed content type");
      for (const type of TYPES) {
        const matched = type.detect(conType);
        if (!matched)
          continue;
        const instanceCfg = {
          limits: cfg.limits,
          headers,
          conType,
          highWaterMark: void 0,
          fileHwm: void 0,
          defCharset: void 0,
          defParamCharset: void 0,
          preservePath: false
        };
        if (cfg.highWaterMark)
          instanceCfg.highWaterMark = cfg.highWaterMark;
        if (cfg.fileHwm)
          instanceCfg.fileHwm = cfg.fileHwm;
        instanceCfg.defCharset = cfg.defCharset;
        instanceCfg.defParamCharset = cfg.defParamCharset;
        instanceCfg.preservePath = cfg.preservePath;
        return new type(instanceCfg);
      }
      throw new Error(`Unsupported content type: ${headers["content-type"]}`);
    }
    var TYPES = [
      require_multipart(),
      require_urlencoded()
    ].filter(function(typemod) {
      return typeof typemod.detect === "function";
    });
    module.exports = (cfg) => {
      if (typeof cfg !== "object" || cfg === null)
        cfg = {};
      if (typeof cfg.headers !== "object" || cfg.headers === null || typeof cfg.headers["content-type"] !== "string") {
        throw new Error("Missing Content-Type");
      }
      return getInstance(cfg);
    };
  }
});

// node_modules/commander/lib/error.js
var CommanderError = class extends Error {
  /**
   * Constructs the CommanderError class
   * @param {number} exitCode suggested exit code which could be used with process.exit
   * @param {string} code an id string representing the error
   * @param {string} message human-readable description of the error
   */
  constructor(exitCode, code, message) {
    super(message);
    Error.captureStackTrace(this, this.constructor);
    this.name = this.constructor.name;
    this.code = code;
    this.exitCode = exitCode;
    this.nestedError = void 0;
  }
};
var InvalidArgumentError = class extends CommanderError {
  /**
   * Constructs the InvalidArgumentError class
   * @param {string} [message] explanation of why argument is invalid
   */
  constructor(message) {
    super(1, "commander.invalidArgument", message);
    Error.captureStackTrace(this, this.constructor);
    this.name = this.constructor.name;
  }
};

// node_modules/commander/lib/argument.js
var Argument = class {
  /**
   * Initialize a new command argument with the given name and description.
   * The default is that the argument is required, and you can explicitly
   * indicate this with <> around the name. Put [] around the name for an optional argument.
   *
   * @param {string} name
   * @param {string} [description]
   */
  constructor(name, description) {
    this.description = description || "";
    this.variadic = false;
    this.parseArg = void 0;
    this.defaultValue = void 0;
    this.defaultValueDescription = void 0;
    this.argChoices = void 0;
    switch (name[0]) {
      case "<":
        this.required = true;
        this._name = name.slice(1, -1);
        break;
      case "[":
        this.required = false;
        this._name = name.slice(1, -1);
        break;
      default:
        this.required = true;
        this._name = name;
        break;
    }
    if (this._name.endsWith("...")) {
      this.variadic = true;
      this._name = this._name.slice(0, -3);
    }
  }
  /**
   * Return argument name.
   *
   * @return {string}
   */
  name() {
    return this._name;
  }
  /**
   * @package
   */
  _collectValue(value, previous) {
    if (previous === this.defaultValue || !Array.isArray(previous)) {
      return [value];
    }
    previous.push(value);
    return previous;
  }
  /**
   * Set the default value, and optionally supply the description to be displayed in the help.
   *
   * @param {*} value
   * @param {string} [description]
   * @return {Argument}
   */
  default(value, description) {
    this.defaultValue = value;
    this.defaultValueDescription = description;
    return this;
  }
  /**
   * Set the custom handler for processing CLI command arguments into argument values.
   *
   * @param {Function} [fn]
   * @return {Argument}
   */
  argParser(fn) {
    this.parseArg = fn;
    return this;
  }
  /**
   * Only allow argument value to be one of choices.
   *
   * @param {string[]} values
   * @return {Argument}
   */
  choices(values) {
    this.argChoices = values.slice();
    this.parseArg = (arg, previous) => {
      if (!this.argChoices.includes(arg)) {
        throw new InvalidArgumentError(
          `Allowed choices are ${this.argChoices.join(", ")}.`
        );
      }
      if (this.variadic) {
        return this._collectValue(arg, previous);
      }
      return arg;
    };
    return this;
  }
  /**
   * Make argument required.
   *
   * @returns {Argument}
   */
  argRequired() {
    this.required = true;
    return this;
  }
  /**
   * Make argument optional.
   *
   * @returns {Argument}
   */
  argOptional() {
    this.required = false;
    return this;
  }
};
function humanReadableArgName(arg) {
  const nameOutput = arg.name() + (arg.variadic === true ? "..." : "");
  return arg.required ? "<" + nameOutput + ">" : "[" + nameOutput + "]";
}

// node_modules/commander/lib/command.js
import { EventEmitter } from "node:events";
import childProcess from "node:child_process";
import path from "node:path";
import fs from "node:fs";
import process2 from "node:process";
import { stripVTControlCharacters as stripVTControlCharacters2 } from "node:util";

// node_modules/commander/lib/help.js
import { stripVTControlCharacters } from "node:util";
var Help = class {
  constructor() {
    this.helpWidth = void 0;
    this.minWidthToWrap = 40;
    this.sortSubcommands = false;
    this.sortOptions = false;
    this.showGlobalOptions = false;
  }
  /**
   * prepareContext is called by Commander after applying overrides from `Command.configureHelp()`
   * and just before calling `formatHelp()`.
   *
   * Commander just uses the helpWidth and the rest is provided for optional use by more complex subclasses.
   *
   * @param {{ error?: boolean, helpWidth?: number, outputHasColors?: boolean }} contextOptions
   */
  prepareContext(contextOptions) {
    this.helpWidth = this.helpWidth ?? contextOptions.helpWidth ?? 80;
  }
  /**
   * Get an array of the visible subcommands. Includes a placeholder for the implicit help command, if there is one.
   *
   * @param {Command} cmd
   * @returns {Command[]}
   */
  visibleCommands(cmd) {
    const visibleCommands = cmd.commands.filter((cmd2) => !cmd2._hidden);
    const helpCommand = cmd._getHelpCommand();
    if (helpCommand && !helpCommand._hidden) {
      visibleCommands.push(helpCommand);
    }
    if (this.sortSubcommands) {
      visibleCommands.sort((a, b) => {
        return a.name().localeCompare(b.name());
      });
    }
    return visibleCommands;
  }
  /**
   * Compare options for sort.
   *
   * @param {Option} a
   * @param {Option} b
   * @returns {number}
   */
  compareOptions(a, b) {
    const getSortKey = (option) => {
      return option.short ? option.short.replace(/^-/, "") : option.long.replace(/^--/, "");
    };
    return getSortKey(a).localeCompare(getSortKey(b));
  }
  /**
   * Get an array of the visible options. Includes a placeholder for the implicit help option, if there is one.
   *
   * @param {Command} cmd
   * @returns {Option[]}
   */
  visibleOptions(cmd) {
    const visibleOptions = cmd.options.filter((option) => !option.hidden);
    const helpOption = cmd._getHelpOption();
    if (helpOption && !helpOption.hidden) {
      const removeShort = helpOption.short && cmd._findOption(helpOption.short);
      const removeLong = helpOption.long && cmd._findOption(helpOption.long);
      if (!removeShort && !removeLong) {
        visibleOptions.push(helpOption);
      } else if (helpOption.long && !removeLong) {
        visibleOptions.push(
          cmd.createOption(helpOption.long, helpOption.description).helpGroup(helpOption.helpGroupHeading)
        );
      } else if (helpOption.short && !removeShort) {
        visibleOptions.push(
          cmd.createOption(helpOption.short, helpOption.description).helpGroup(helpOption.helpGroupHeading)
        );
      }
    }
    if (this.sortOptions) {
      visibleOptions.sort(this.compareOptions);
    }
    return visibleOptions;
  }
  /**
   * Get an array of the visible global options. (Not including help.)
   *
   * @param {Command} cmd
   * @returns {Option[]}
   */
  visibleGlobalOptions(cmd) {
    if (!this.showGlobalOptions) return [];
    const globalOptions = [];
    for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
      const visibleOptions = ancestorCmd.options.filter(
        (option) => !option.hidden
      );
      globalOptions.push(...visibleOptions);
    }
    if (this.sortOptions) {
      globalOptions.sort(this.compareOptions);
    }
    return globalOptions;
  }
  /**
   * Get an array of the arguments if any have a description.
   *
   * @param {Command} cmd
   * @returns {Argument[]}
   */
  visibleArguments(cmd) {
    if (cmd._argsDescription) {
      cmd.registeredArguments.forEach((argument) => {
        argument.description = argument.description || cmd._argsDescription[argument.name()] || "";
      });
    }
    if (cmd.registeredArguments.find((argument) => argument.description)) {
      return cmd.registeredArguments;
    }
    return [];
  }
  /**
   * Get the command term to show in the list of subcommands.
   *
   * @param {Command} cmd
   * @returns {string}
   */
  subcommandTerm(cmd) {
    const args = cmd.registeredArguments.map((arg) => humanReadableArgName(arg)).join(" ");
    return cmd._name + (cmd._aliases[0] ? "|" + cmd._aliases[0] : "") + (cmd.options.length ? " [options]" : "") + // simplistic check for non-help option
    (args ? " " + args : "");
  }
  /**
   * Get the option term to show in the list of options.
   *
   * @param {Option} option
   * @returns {string}
   */
  optionTerm(option) {
    return option.flags;
  }
  /**
   * Get the argument term to show in the list of arguments.
   *
   * @param {Argument} argument
   * @returns {string}
   */
  argumentTerm(argument) {
    return argument.name();
  }
  /**
   * Get the longest command term length.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {number}
   */
  longestSubcommandTermLength(cmd, helper) {
    return helper.visibleCommands(cmd).reduce((max, command) => {
      return Math.max(
        max,
        this.displayWidth(
          helper.styleSubcommandTerm(helper.subcommandTerm(command))
        )
      );
    }, 0);
  }
  /**
   * Get the longest option term length.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {number}
   */
  longestOptionTermLength(cmd, helper) {
    return helper.visibleOptions(cmd).reduce((max, option) => {
      return Math.max(
        max,
        this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
      );
    }, 0);
  }
  /**
   * Get the longest global option term length.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {number}
   */
  longestGlobalOptionTermLength(cmd, helper) {
    return helper.visibleGlobalOptions(cmd).reduce((max, option) => {
      return Math.max(
        max,
        this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
      );
    }, 0);
  }
  /**
   * Get the longest argument term length.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {number}
   */
  longestArgumentTermLength(cmd, helper) {
    return helper.visibleArguments(cmd).reduce((max, argument) => {
      return Math.max(
        max,
        this.displayWidth(
          helper.styleArgumentTerm(helper.argumentTerm(argument))
        )
      );
    }, 0);
  }
  /**
   * Get the command usage to be displayed at the top of the built-in help.
   *
   * @param {Command} cmd
   * @returns {string}
   */
  commandUsage(cmd) {
    let cmdName = cmd._name;
    if (cmd._aliases[0]) {
      cmdName = cmdName + "|" + cmd._aliases[0];
    }
    let ancestorCmdNames = "";
    for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
      ancestorCmdNames = ancestorCmd.name() + " " + ancestorCmdNames;
    }
    return ancestorCmdNames + cmdName + " " + cmd.usage();
  }
  /**
   * Get the description for the command.
   *
   * @param {Command} cmd
   * @returns {string}
   */
  commandDescription(cmd) {
    return cmd.description();
  }
  /**
   * Get the subcommand summary to show in the list of subcommands.
   * (Fallback to description for backwards compatibility.)
   *
   * @param {Command} cmd
   * @returns {string}
   */
  subcommandDescription(cmd) {
    return cmd.summary() || cmd.description();
  }
  /**
   * Get the option description to show in the list of options.
   *
   * @param {Option} option
   * @return {string}
   */
  optionDescription(option) {
    const extraInfo = [];
    if (option.argChoices) {
      extraInfo.push(
        // use stringify to match the display of the default value
        `choices: ${option.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
      );
    }
    if (option.defaultValue !== void 0) {
      const showDefault = option.required || option.optional || option.isBoolean() && typeof option.defaultValue === "boolean";
      if (showDefault) {
        extraInfo.push(
          `default: ${option.defaultValueDescription || JSON.stringify(option.defaultValue)}`
        );
      }
    }
    if (option.presetArg !== void 0 && option.optional) {
      extraInfo.push(`preset: ${JSON.stringify(option.presetArg)}`);
    }
    if (option.envVar !== void 0) {
      extraInfo.push(`env: ${option.envVar}`);
    }
    if (extraInfo.length > 0) {
      const extraDescription = `(${extraInfo.join(", ")})`;
      if (option.description) {
        return `${option.description} ${extraDescription}`;
      }
      return extraDescription;
    }
    return option.description;
  }
  /**
   * Get the argument description to show in the list of arguments.
   *
   * @param {Argument} argument
   * @return {string}
   */
  argumentDescription(argument) {
    const extraInfo = [];
    if (argument.argChoices) {
      extraInfo.push(
        // use stringify to match the display of the default value
        `choices: ${argument.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
      );
    }
    if (argument.defaultValue !== void 0) {
      extraInfo.push(
        `default: ${argument.defaultValueDescription || JSON.stringify(argument.defaultValue)}`
      );
    }
    if (extraInfo.length > 0) {
      const extraDescription = `(${extraInfo.join(", ")})`;
      if (argument.description) {
        return `${argument.description} ${extraDescription}`;
      }
      return extraDescription;
    }
    return argument.description;
  }
  /**
   * Format a list of items, given a heading and an array of formatted items.
   *
   * @param {string} heading
   * @param {string[]} items
   * @param {Help} helper
   * @returns string[]
   */
  formatItemList(heading, items, helper) {
    if (items.length === 0) return [];
    return [helper.styleTitle(heading), ...items, ""];
  }
  /**
   * Group items by their help group heading.
   *
   * @param {Command[] | Option[]} unsortedItems
   * @param {Command[] | Option[]} visibleItems
   * @param {Function} getGroup
   * @returns {Map<string, Command[] | Option[]>}
   */
  groupItems(unsortedItems, visibleItems, getGroup) {
    const result = /* @__PURE__ */ new Map();
    unsortedItems.forEach((item) => {
      const group = getGroup(item);
      if (!result.has(group)) result.set(group, []);
    });
    visibleItems.forEach((item) => {
      const group = getGroup(item);
      if (!result.has(group)) {
        result.set(group, []);
      }
      result.get(group).push(item);
    });
    return result;
  }
  /**
   * Generate the built-in help text.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {string}
   */
  formatHelp(cmd, helper) {
    const termWidth = helper.padWidth(cmd, helper);
    const helpWidth = helper.helpWidth ?? 80;
    function callFormatItem(term, description) {
      return helper.formatItem(term, termWidth, description, helper);
    }
    let output = [
      `${helper.styleTitle("Usage:")} ${helper.styleUsage(helper.commandUsage(cmd))}`,
      ""
    ];
    const commandDescription = helper.commandDescription(cmd);
    if (commandDescription.length > 0) {
      output = output.concat([
        helper.boxWrap(
          helper.styleCommandDescription(commandDescription),
          helpWidth
        ),
        ""
      ]);
    }
    const argumentList = helper.visibleArguments(cmd).map((argument) => {
      return callFormatItem(
        helper.styleArgumentTerm(helper.argumentTerm(argument)),
        helper.styleArgumentDescription(helper.argumentDescription(argument))
      );
    });
    output = output.concat(
      this.formatItemList("Arguments:", argumentList, helper)
    );
    const optionGroups = this.groupItems(
      cmd.options,
      helper.visibleOptions(cmd),
      (option) => option.helpGroupHeading ?? "Options:"
    );
    optionGroups.forEach((options, group) => {
      const optionList = options.map((option) => {
        return callFormatItem(
          helper.styleOptionTerm(helper.optionTerm(option)),
          helper.styleOptionDescription(helper.optionDescription(option))
        );
      });
      output = output.concat(this.formatItemList(group, optionList, helper));
    });
    if (helper.showGlobalOptions) {
      const globalOptionList = helper.visibleGlobalOptions(cmd).map((option) => {
        return callFormatItem(
          helper.styleOptionTerm(helper.optionTerm(option)),
          helper.styleOptionDescription(helper.optionDescription(option))
        );
      });
      output = output.concat(
        this.formatItemList("Global Options:", globalOptionList, helper)
      );
    }
    const commandGroups = this.groupItems(
      cmd.commands,
      helper.visibleCommands(cmd),
      (sub) => sub.helpGroup() || "Commands:"
    );
    commandGroups.forEach((commands, group) => {
      const commandList = commands.map((sub) => {
        return callFormatItem(
          helper.styleSubcommandTerm(helper.subcommandTerm(sub)),
          helper.styleSubcommandDescription(helper.subcommandDescription(sub))
        );
      });
      output = output.concat(this.formatItemList(group, commandList, helper));
    });
    return output.join("\n");
  }
  /**
   * Return display width of string, ignoring ANSI escape sequences. Used in padding and wrapping calculations.
   *
   * @param {string} str
   * @returns {number}
   */
  displayWidth(str) {
    return stripVTControlCharacters(str).length;
  }
  /**
   * Style the title for displaying in the help. Called with 'Usage:', 'Options:', etc.
   *
   * @param {string} str
   * @returns {string}
   */
  styleTitle(str) {
    return str;
  }
  styleUsage(str) {
    return str.split(" ").map((word) => {
      if (word === "[options]") return this.styleOptionText(word);
      if (word === "[command]") return this.styleSubcommandText(word);
      if (word[0] === "[" || word[0] === "<")
        return this.styleArgumentText(word);
      return this.styleCommandText(word);
    }).join(" ");
  }
  styleCommandDescription(str) {
    return this.styleDescriptionText(str);
  }
  styleOptionDescription(str) {
    return this.styleDescriptionText(str);
  }
  styleSubcommandDescription(str) {
    return this.styleDescriptionText(str);
  }
  styleArgumentDescription(str) {
    return this.styleDescriptionText(str);
  }
  styleDescriptionText(str) {
    return str;
  }
  styleOptionTerm(str) {
    return this.styleOptionText(str);
  }
  styleSubcommandTerm(str) {
    return str.split(" ").map((word) => {
      if (word === "[options]") return this.styleOptionText(word);
      if (word[0] === "[" || word[0] === "<")
        return this.styleArgumentText(word);
      return this.styleSubcommandText(word);
    }).join(" ");
  }
  styleArgumentTerm(str) {
    return this.styleArgumentText(str);
  }
  styleOptionText(str) {
    return str;
  }
  styleArgumentText(str) {
    return str;
  }
  styleSubcommandText(str) {
    return str;
  }
  styleCommandText(str) {
    return str;
  }
  /**
   * Calculate the pad width from the maximum term length.
   *
   * @param {Command} cmd
   * @param {Help} helper
   * @returns {number}
   */
  padWidth(cmd, helper) {
    return Math.max(
      helper.longestOptionTermLength(cmd, helper),
      helper.longestGlobalOptionTermLength(cmd, helper),
      helper.longestSubcommandTermLength(cmd, helper),
      helper.longestArgumentTermLength(cmd, helper)
    );
  }
  /**
   * Detect manually wrapped and indented strings by checking for line break followed by whitespace.
   *
   * @param {string} str
   * @returns {boolean}
   */
  preformatted(str) {
    return /\n[^\S\r\n]/.test(str);
  }
  /**
   * Format the "item", which consists of a term and description. Pad the term and wrap the description, indenting the following lines.
   *
   * So "TTT", 5, "DDD DDDD DD DDD" might be formatted for this.helpWidth=17 like so:
   *   TTT  DDD DDDD
   *        DD DDD
   *
   * @param {string} term
   * @param {number} termWidth
   * @param {string} description
   * @param {Help} helper
   * @returns {string}
   */
  formatItem(term, termWidth, description, helper) {
    const itemIndent = 2;
    const itemIndentStr = " ".repeat(itemIndent);
    if (!description) return itemIndentStr + term;
    const paddedTerm = term.padEnd(
      termWidth + term.length - helper.displayWidth(term)
    );
    const spacerWidth = 2;
    const helpWidth = this.helpWidth ?? 80;
    const remainingWidth = helpWidth - termWidth - spacerWidth - itemIndent;
    let formattedDescription;
    if (remainingWidth < this.minWidthToWrap || helper.preformatted(description)) {
      formattedDescription = description;
    } else {
      const wrappedDescription = helper.boxWrap(description, remainingWidth);
      formattedDescription = wrappedDescription.replace(
        /\n/g,
        "\n" + " ".repeat(termWidth + spacerWidth)
      );
    }
    return itemIndentStr + paddedTerm + " ".repeat(spacerWidth) + formattedDescription.replace(/\n/g, `
${itemIndentStr}`);
  }
  /**
   * Wrap a string at whitespace, preserving existing line breaks.
   * Wrapping is skipped if the width is less than `minWidthToWrap`.
   *
   * @param {string} str
   * @param {number} width
   * @returns {string}
   */
  boxWrap(str, width) {
    if (width < this.minWidthToWrap) return str;
    const rawLines = str.split(/\r\n|\n/);
    const chunkPattern = /[\s]*[^\s]+/g;
    const wrappedLines = [];
    rawLines.forEach((line) => {
      const chunks = line.match(chunkPattern);
      if (chunks === null) {
        wrappedLines.push("");
        return;
      }
      let sumChunks = [chunks.shift()];
      let sumWidth = this.displayWidth(sumChunks[0]);
      chunks.forEach((chunk) => {
        const visibleWidth = this.displayWidth(chunk);
        if (sumWidth + visibleWidth <= width) {
          sumChunks.push(chunk);
          sumWidth += visibleWidth;
          return;
        }
        wrappedLines.push(sumChunks.join(""));
        const nextChunk = chunk.trimStart();
        sumChunks = [nextChunk];
        sumWidth = this.displayWidth(nextChunk);
      });
      wrappedLines.push(sumChunks.join(""));
    });
    return wrappedLines.join("\n");
  }
};

// node_modules/commander/lib/option.js
var Option = class {
  /**
   * Initialize a new `Option` with the given `flags` and `description`.
   *
   * @param {string} flags
   * @param {string} [description]
   */
  constructor(flags, description) {
    this.flags = flags;
    this.description = description || "";
    this.required = flags.includes("<");
    this.optional = flags.includes("[");
    this.variadic = new RegExp("\\p{ID_Continue}\\.\\.\\.[>\\]]$", "u").test(flags);
    this.mandatory = false;
    const optionFlags = splitOptionFlags(flags);
    this.short = optionFlags.shortFlag;
    this.long = optionFlags.longFlag;
    this.negate = false;
    if (this.long) {
      this.negate = this.long.startsWith("--no-");
    }
    this.defaultValue = void 0;
    this.defaultValueDescription = void 0;
    this.presetArg = void 0;
    this.envVar = void 0;
    this.parseArg = void 0;
    this.hidden = false;
    this.argChoices = void 0;
    this.conflictsWith = [];
    this.implied = void 0;
    this.helpGroupHeading = void 0;
  }
  /**
   * Set the default value, and optionally supply the description to be displayed in the help.
   *
   * @param {*} value
   * @param {string} [description]
   * @return {Option}
   */
  default(value, description) {
    this.defaultValue = value;
    this.defaultValueDescription = description;
    return this;
  }
  /**
   * Preset to use when option used without option-argument, especially optional but also boolean and negated.
   * The custom processing (parseArg) is called.
   *
   * @example
   * new Option('--color').default('GREYSCALE').preset('RGB');
   * new Option('--donate [amount]').preset('20').argParser(parseFloat);
   *
   * @param {*} arg
   * @return {Option}
   */
  preset(arg) {
    this.presetArg = arg;
    return this;
  }
  /**
   * Add option name(s) that conflict with this option.
   * An error will be displayed if conflicting options are found during parsing.
   *
   * @example
   * new Option('--rgb').conflicts('cmyk');
   * new Option('--js').conflicts(['ts', 'jsx']);
   *
   * @param {(string | string[])} names
   * @return {Option}
   */
  conflicts(names) {
    this.conflictsWith = this.conflictsWith.concat(names);
    return this;
  }
  /**
   * Specify implied option values for when this option is set and the implied options are not.
   *
   * The custom processing (parseArg) is not called on the implied values.
   *
   * @example
   * program
   *   .addOption(new Option('--log', 'write logging information to file'))
   *   .addOption(new Option('--trace', 'log extra details').implies({ log: 'trace.txt' }));
   *
   * @param {object} impliedOptionValues
   * @return {Option}
   */
  implies(impliedOptionValues) {
    let newImplied = impliedOptionValues;
    if (typeof impliedOptionValues === "string") {
      newImplied = { [impliedOptionValues]: true };
    }
    this.implied = Object.assign(this.implied || {}, newImplied);
    return this;
  }
  /**
   * Set environment variable to check for option value.
   *
   * An environment variable is only used if when processed the current option value is
   * undefined, or the source of the current value is 'default' or 'config' or 'env'.
   *
   * @param {string} name
   * @return {Option}
   */
  env(name) {
    this.envVar = name;
    return this;
  }
  /**
   * Set the custom handler for processing CLI option arguments into option values.
   *
   * @param {Function} [fn]
   * @return {Option}
   */
  argParser(fn) {
    this.parseArg = fn;
    return this;
  }
  /**
   * Whether the option is mandatory and must have a value after parsing.
   *
   * @param {boolean} [mandatory=true]
   * @return {Option}
   */
  makeOptionMandatory(mandatory = true) {
    this.mandatory = !!mandatory;
    return this;
  }
  /**
   * Hide option in help.
   *
   * @param {boolean} [hide=true]
   * @return {Option}
   */
  hideHelp(hide = true) {
    this.hidden = !!hide;
    return this;
  }
  /**
   * @package
   */
  _collectValue(value, previous) {
    if (previous === this.defaultValue || !Array.isArray(previous)) {
      return [value];
    }
    previous.push(value);
    return previous;
  }
  /**
   * Only allow option value to be one of choices.
   *
   * @param {string[]} values
   * @return {Option}
   */
  choices(values) {
    this.argChoices = values.slice();
    this.parseArg = (arg, previous) => {
      if (!this.argChoices.includes(arg)) {
        throw new InvalidArgumentError(
          `Allowed choices are ${this.argChoices.join(", ")}.`
        );
      }
      if (this.variadic) {
        return this._collectValue(arg, previous);
      }
      return arg;
    };
    return this;
  }
  /**
   * Return option name.
   *
   * @return {string}
   */
  name() {
    if (this.long) {
      return this.long.replace(/^--/, "");
    }
    return this.short.replace(/^-/, "");
  }
  /**
   * Return option name, in a camelcase format that can be used
   * as an object attribute key.
   *
   * @return {string}
   */
  attributeName() {
    if (this.negate) {
      return camelcase(this.name().replace(/^no-/, ""));
    }
    return camelcase(this.name());
  }
  /**
   * Set the help group heading.
   *
   * @param {string} heading
   * @return {Option}
   */
  helpGroup(heading) {
    this.helpGroupHeading = heading;
    return this;
  }
  /**
   * Check if `arg` matches the short or long flag.
   *
   * @param {string} arg
   * @return {boolean}
   * @package
   */
  is(arg) {
    return this.short === arg || this.long === arg;
  }
  /**
   * Return whether a boolean option.
   *
   * Options are one of boolean, negated, required argument, or optional argument.
   *
   * @return {boolean}
   * @package
   */
  isBoolean() {
    return !this.required && !this.optional && !this.negate;
  }
};
var DualOptions = class {
  /**
   * @param {Option[]} options
   */
  constructor(options) {
    this.positiveOptions = /* @__PURE__ */ new Map();
    this.negativeOptions = /* @__PURE__ */ new Map();
    this.dualOptions = /* @__PURE__ */ new Set();
    options.forEach((option) => {
      if (option.negate) {
        this.negativeOptions.set(option.attributeName(), option);
      } else {
        this.positiveOptions.set(option.attributeName(), option);
      }
    });
    this.negativeOptions.forEach((value, key) => {
      if (this.positiveOptions.has(key)) {
        this.dualOptions.add(key);
      }
    });
  }
  /**
   * Did the value come from the option, and not from possible matching dual option?
   *
   * @param {*} value
   * @param {Option} option
   * @returns {boolean}
   */
  valueFromOption(value, option) {
    const optionKey = option.attributeName();
    if (!this.dualOptions.has(optionKey)) return true;
    const preset = this.negativeOptions.get(optionKey).presetArg;
    const negativeValue = preset !== void 0 ? preset : false;
    return option.negate === (negativeValue === value);
  }
};
function camelcase(str) {
  return str.split("-").reduce((str2, word) => {
    return str2 + word[0].toUpperCase() + word.slice(1);
  });
}
function splitOptionFlags(flags) {
  let shortFlag;
  let longFlag;
  const shortFlagExp = /^-[^-]$/;
  const longFlagExp = /^--[^-]/;
  const flagParts = flags.split(/[ |,]+/).concat("guard");
  if (shortFlagExp.test(flagParts[0])) shortFlag = flagParts.shift();
  if (longFlagExp.test(flagParts[0])) longFlag = flagParts.shift();
  if (!shortFlag && shortFlagExp.test(flagParts[0]))
    shortFlag = flagParts.shift();
  if (!shortFlag && longFlagExp.test(flagParts[0])) {
    shortFlag = longFlag;
    longFlag = flagParts.shift();
  }
  if (flagParts[0].startsWith("-")) {
    const unsupportedFlag = flagParts[0];
    const baseError = `option creation failed due to '${unsupportedFlag}' in option flags '${flags}'`;
    if (/^-[^-][^-]/.test(unsupportedFlag))
      throw new Error(
        `${baseError}
- a short flag is a single dash and a single character
  - either use a single dash and a single character (for a short flag)
  - or use a double dash for a long option (and can have two, like '--ws, --workspace')`
      );
    if (shortFlagExp.test(unsupportedFlag))
      throw new Error(`${baseError}
- too many short flags`);
    if (longFlagExp.test(unsupportedFlag))
      throw new Error(`${baseError}
- too many long flags`);
    throw new Error(`${baseError}
- unrecognised flag format`);
  }
  if (shortFlag === void 0 && longFlag === void 0)
    throw new Error(
      `option creation failed due to no flags found in '${flags}'.`
    );
  return { shortFlag, longFlag };
}

// node_modules/commander/lib/suggestSimilar.js
var maxDistance = 3;
function editDistance(a, b) {
  if (Math.abs(a.length - b.length) > maxDistance)
    return Math.max(a.length, b.length);
  const d = [];
  for (let i = 0; i <= a.length; i++) {
    d[i] = [i];
  }
  for (let j = 0; j <= b.length; j++) {
    d[0][j] = j;
  }
  for (let j = 1; j <= b.length; j++) {
    for (let i = 1; i <= a.length; i++) {
      let cost;
      if (a[i - 1] === b[j - 1]) {
        cost = 0;
      } else {
        cost = 1;
      }
      d[i][j] = Math.min(
        d[i - 1][j] + 1,
        // deletion
        d[i][j - 1] + 1,
        // insertion
        d[i - 1][j - 1] + cost
        // substitution
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}
function suggestSimilar(word, candidates) {
  if (!candidates || candidates.length === 0) return "";
  candidates = Array.from(new Set(candidates));
  const searchingOptions = word.startsWith("--");
  if (searchingOptions) {
    word = word.slice(2);
    candidates = candidates.map((candidate) => candidate.slice(2));
  }
  let similar = [];
  let bestDistance = maxDistance;
  const minSimilarity = 0.4;
  candidates.forEach((candidate) => {
    if (candidate.length <= 1) return;
    const distance = editDistance(word, candidate);
    const length = Math.max(word.length, candidate.length);
    const similarity = (length - distance) / length;
    if (similarity > minSimilarity) {
      if (distance < bestDistance) {
        bestDistance = distance;
        similar = [candidate];
      } else if (distance === bestDistance) {
        similar.push(candidate);
      }
    }
  });
  similar.sort((a, b) => a.localeCompare(b));
  if (searchingOptions) {
    similar = similar.map((candidate) => `--${candidate}`);
  }
  if (similar.length > 1) {
    return `
(Did you mean one of ${similar.join(", ")}?)`;
  }
  if (similar.length === 1) {
    return `
(Did you mean ${similar[0]}?)`;
  }
  return "";
}

// node_modules/commander/lib/command.js
var Command = class _Command extends EventEmitter {
  /**
   * Initialize a new `Command`.
   *
   * @param {string} [name]
   */
  constructor(name) {
    super();
    this.commands = [];
    this.options = [];
    this.parent = null;
    this._allowUnknownOption = false;
    this._allowExcessArguments = false;
    this.registeredArguments = [];
    this._args = this.registeredArguments;
    this.args = [];
    this.rawArgs = [];
    this.processedArgs = [];
    this._scriptPath = null;
    this._name = name || "";
    this._optionValues = {};
    this._optionValueSources = {};
    this._storeOptionsAsProperties = false;
    this._actionHandler = null;
    this._executableHandler = false;
    this._executableFile = null;
    this._executableDir = null;
    this._defaultCommandName = null;
    this._exitCallback = null;
    this._aliases = [];
    this._combineFlagAndOptionalValue = true;
    this._description = "";
    this._summary = "";
    this._argsDescription = void 0;
    this._enablePositionalOptions = false;
    this._passThroughOptions = false;
    this._lifeCycleHooks = {};
    this._showHelpAfterError = false;
    this._showSuggestionAfterError = true;
    this._savedState = null;
    this._outputConfiguration = {
      writeOut: (str) => process2.stdout.write(str),
      writeErr: (str) => process2.stderr.write(str),
      outputError: (str, write) => write(str),
      getOutHelpWidth: () => process2.stdout.isTTY ? process2.stdout.columns : void 0,
      getErrHelpWidth: () => process2.stderr.isTTY ? process2.stderr.columns : void 0,
      getOutHasColors: () => useColor() ?? (process2.stdout.isTTY && process2.stdout.hasColors?.()),
      getErrHasColors: () => useColor() ?? (process2.stderr.isTTY && process2.stderr.hasColors?.()),
      stripColor: (str) => stripVTControlCharacters2(str)
    };
    this._hidden = false;
    this._helpOption = void 0;
    this._addImplicitHelpCommand = void 0;
    this._helpCommand = void 0;
    this._helpConfiguration = {};
    this._helpGroupHeading = void 0;
    this._defaultCommandGroup = void 0;
    this._defaultOptionGroup = void 0;
  }
  /**
   * Copy settings that are useful to have in common across root command and subcommands.
   *
   * (Used internally when adding a command using `.command()` so subcommands inherit parent settings.)
   *
   * @param {Command} sourceCommand
   * @return {Command} `this` command for chaining
   */
  copyInheritedSettings(sourceCommand) {
    this._outputConfiguration = sourceCommand._outputConfiguration;
    this._helpOption = sourceCommand._helpOption;
    this._helpCommand = sourceCommand._helpCommand;
    this._helpConfiguration = sourceCommand._helpConfiguration;
    this._exitCallback = sourceCommand._exitCallback;
    this._storeOptionsAsProperties = sourceCommand._storeOptionsAsProperties;
    this._combineFlagAndOptionalValue = sourceCommand._combineFlagAndOptionalValue;
    this._allowExcessArguments = sourceCommand._allowExcessArguments;
    this._enablePositionalOptions = sourceCommand._enablePositionalOptions;
    this._showHelpAfterError = sourceCommand._showHelpAfterError;
    this._showSuggestionAfterError = sourceCommand._showSuggestionAfterError;
    return this;
  }
  /**
   * @returns {Command[]}
   * @private
   */
  _getCommandAndAncestors() {
    const result = [];
    for (let command = this; command; command = command.parent) {
      result.push(command);
    }
    return result;
  }
  /**
   * Define a command.
   *
   * There are two styles of command: pay attention to where to put the description.
   *
   * @example
   * // Command implemented using action handler (description is supplied separately to `.command`)
   * program
   *   .command('clone <source> [destination]')
   *   .description('clone a repository into a newly created directory')
   *   .action((source, destination) => {
   *     console.log('clone command called');
   *   });
   *
   * // Command implemented using separate executable file (description is second parameter to `.command`)
   * program
   *   .command('start <service>', 'start named service')
   *   .command('stop [service]', 'stop named service, or all if no name supplied');
   *
   * @param {string} nameAndArgs - command name and arguments, args are `<required>` or `[optional]` and last may also be `variadic...`
   * @param {(object | string)} [actionOptsOrExecDesc] - configuration options (for action), or description (for executable)
   * @param {object} [execOpts] - configuration options (for executable)
   * @return {Command} returns new command for action handler, or `this` for executable command
   */
  command(nameAndArgs, actionOptsOrExecDesc, execOpts) {
    let desc = actionOptsOrExecDesc;
    let opts = execOpts;
    if (typeof desc === "object" && desc !== null) {
      opts = desc;
      desc = null;
    }
    opts = opts || {};
    const [, name, args] = nameAndArgs.match(/([^ ]+) *(.*)/);
    const cmd = this.createCommand(name);
    if (desc) {
      cmd.description(desc);
      cmd._executableHandler = true;
    }
    if (opts.isDefault) this._defaultCommandName = cmd._name;
    cmd._hidden = !!(opts.noHelp || opts.hidden);
    cmd._executableFile = opts.executableFile || null;
    if (args) cmd.arguments(args);
    this._registerCommand(cmd);
    cmd.parent = this;
    cmd.copyInheritedSettings(this);
    if (desc) return this;
    return cmd;
  }
  /**
   * Factory routine to create a new unattached command.
   *
   * See .command() for creating an attached subcommand, which uses this routine to
   * create the command. You can override createCommand to customise subcommands.
   *
   * @param {string} [name]
   * @return {Command} new command
   */
  createCommand(name) {
    return new _Command(name);
  }
  /**
   * You can customise the help with a subclass of Help by overriding createHelp,
   * or by overriding Help properties using configureHelp().
   *
   * @return {Help}
   */
  createHelp() {
    return Object.assign(new Help(), this.configureHelp());
  }
  /**
   * You can customise the help by overriding Help properties using configureHelp(),
   * or with a subclass of Help by overriding createHelp().
   *
   * @param {object} [configuration] - configuration options
   * @return {(Command | object)} `this` command for chaining, or stored configuration
   */
  configureHelp(configuration) {
    if (configuration === void 0) return this._helpConfiguration;
    this._helpConfiguration = configuration;
    return this;
  }
  /**
   * The default output goes to stdout and stderr. You can customise this for special
   * applications. You can also customise the display of errors by overriding outputError.
   *
   * The configuration properties are all functions:
   *
   *     // change how output being written, defaults to stdout and stderr
   *     writeOut(str)
   *     writeErr(str)
   *     // change how output being written for errors, defaults to writeErr
   *     outputError(str, write) // used for displaying errors and not used for displaying help
   *     // specify width for wrapping help
   *     getOutHelpWidth()
   *     getErrHelpWidth()
   *     // color support, currently only used with Help
   *     getOutHasColors()
   *     getErrHasColors()
   *     stripColor() // used to remove ANSI escape codes if output does not have colors
   *
   * @param {object} [configuration] - configuration options
   * @return {(Command | object)} `this` command for chaining, or stored configuration
   */
  configureOutput(configuration) {
    if (configuration === void 0) return this._outputConfiguration;
    this._outputConfiguration = {
      ...this._outputConfiguration,
      ...configuration
    };
    return this;
  }
  /**
   * Display the help or a custom message after an error occurs.
   *
   * @param {(boolean|string)} [displayHelp]
   * @return {Command} `this` command for chaining
   */
  showHelpAfterError(displayHelp = true) {
    if (typeof displayHelp !== "string") displayHelp = !!displayHelp;
    this._showHelpAfterError = displayHelp;
    return this;
  }
  /**
   * Display suggestion of similar commands for unknown commands, or options for unknown options.
   *
   * @param {boolean} [displaySuggestion]
   * @return {Command} `this` command for chaining
   */
  showSuggestionAfterError(displaySuggestion = true) {
    this._showSuggestionAfterError = !!displaySuggestion;
    return this;
  }
  /**
   * Add a prepared subcommand.
   *
   * See .command() for creating an attached subcommand which inherits settings from its parent.
   *
   * @param {Command} cmd - new subcommand
   * @param {object} [opts] - configuration options
   * @return {Command} `this` command for chaining
   */
  addCommand(cmd, opts) {
    if (!cmd._name) {
      throw new Error(`Command passed to .addCommand() must have a name
- specify the name in Command constructor or using .name()`);
    }
    opts = opts || {};
    if (opts.isDefault) this._defaultCommandName = cmd._name;
    if (opts.noHelp || opts.hidden) cmd._hidden = true;
    this._registerCommand(cmd);
    cmd.parent = this;
    cmd._checkForBrokenPassThrough();
    return this;
  }
  /**
   * Factory routine to create a new unattached argument.
   *
   * See .argument() for creating an attached argument, which uses this routine to
   * create the argument. You can override createArgument to return a custom argument.
   *
   * @param {string} name
   * @param {string} [description]
   * @return {Argument} new argument
   */
  createArgument(name, description) {
    return new Argument(name, description);
  }
  /**
   * Define argument syntax for command.
   *
   * The default is that the argument is required, and you can explicitly
   * indicate this with <> around the name. Put [] around the name for an optional argument.
   *
   * @example
   * program.argument('<input-file>');
   * program.argument('[output-file]');
   *
   * @param {string} name
   * @param {string} [description]
   * @param {(Function|*)} [parseArg] - custom argument processing function or default value
   * @param {*} [defaultValue]
   * @return {Command} `this` command for chaining
   */
  argument(name, description, parseArg, defaultValue) {
    const argument = this.createArgument(name, description);
    if (typeof parseArg === "function") {
      argument.default(defaultValue).argParser(parseArg);
    } else {
      argument.default(parseArg);
    }
    this.addArgument(argument);
    return this;
  }
  /**
   * Define argument syntax for command, adding multiple at once (without descriptions).
   *
   * See also .argument().
   *
   * @example
   * program.arguments('<cmd> [env]');
   *
   * @param {string} names
   * @return {Command} `this` command for chaining
   */
  arguments(names) {
    names.trim().split(/ +/).forEach((detail) => {
      this.argument(detail);
    });
    return this;
  }
  /**
   * Define argument syntax for command, adding a prepared argument.
   *
   * @param {Argument} argument
   * @return {Command} `this` command for chaining
   */
  addArgument(argument) {
    const previousArgument = this.registeredArguments.slice(-1)[0];
    if (previousArgument?.variadic) {
      throw new Error(
        `only the last argument can be variadic '${previousArgument.name()}'`
      );
    }
    if (argument.required && argument.defaultValue !== void 0 && argument.parseArg === void 0) {
      throw new Error(
        `a default value for a required argument is never used: '${argument.name()}'`
      );
    }
    this.registeredArguments.push(argument);
    return this;
  }
  /**
   * Customise or override default help command. By default a help command is automatically added if your command has subcommands.
   *
   * @example
   *    program.helpCommand('help [cmd]');
   *    program.helpCommand('help [cmd]', 'show help');
   *    program.helpCommand(false); // suppress default help command
   *    program.helpCommand(true); // add help command even if no subcommands
   *
   * @param {string|boolean} enableOrNameAndArgs - enable with custom name and/or arguments, or boolean to override whether added
   * @param {string} [description] - custom description
   * @return {Command} `this` command for chaining
   */
  helpCommand(enableOrNameAndArgs, description) {
    if (typeof enableOrNameAndArgs === "boolean") {
      this._addImplicitHelpCommand = enableOrNameAndArgs;
      if (enableOrNameAndArgs && this._defaultCommandGroup) {
        this._initCommandGroup(this._getHelpCommand());
      }
      return this;
    }
    const nameAndArgs = enableOrNameAndArgs ?? "help [command]";
    const [, helpName, helpArgs] = nameAndArgs.match(/([^ ]+) *(.*)/);
    const helpDescription = description ?? "display help for command";
    const helpCommand = this.createCommand(helpName);
    helpCommand.helpOption(false);
    if (helpArgs) helpCommand.arguments(helpArgs);
    if (helpDescription) helpCommand.description(helpDescription);
    this._addImplicitHelpCommand = true;
    this._helpCommand = helpCommand;
    if (enableOrNameAndArgs || description) this._initCommandGroup(helpCommand);
    return this;
  }
  /**
   * Add prepared custom help command.
   *
   * @param {(Command|string|boolean)} helpCommand - custom help command, or deprecated enableOrNameAndArgs as for `.helpCommand()`
   * @param {string} [deprecatedDescription] - deprecated custom description used with custom name only
   * @return {Command} `this` command for chaining
   */
  addHelpCommand(helpCommand, deprecatedDescription) {
    if (typeof helpCommand !== "object") {
      this.helpCommand(helpCommand, deprecatedDescription);
      return this;
    }
    this._addImplicitHelpCommand = true;
    this._helpCommand = helpCommand;
    this._initCommandGroup(helpCommand);
    return this;
  }
  /**
   * Lazy create help command.
   *
   * @return {(Command|null)}
   * @package
   */
  _getHelpCommand() {
    const hasImplicitHelpCommand = this._addImplicitHelpCommand ?? (this.commands.length && !this._actionHandler && !this._findCommand("help"));
    if (hasImplicitHelpCommand) {
      if (this._helpCommand === void 0) {
        this.helpCommand(void 0, void 0);
      }
      return this._helpCommand;
    }
    return null;
  }
  /**
   * Add hook for life cycle event.
   *
   * @param {string} event
   * @param {Function} listener
   * @return {Command} `this` command for chaining
   */
  hook(event, listener) {
    const allowedValues = ["preSubcommand", "preAction", "postAction"];
    if (!allowedValues.includes(event)) {
      throw new Error(`Unexpected value for event passed to hook : '${event}'.
Expecting one of '${allowedValues.join("', '")}'`);
    }
    if (this._lifeCycleHooks[event]) {
      this._lifeCycleHooks[event].push(listener);
    } else {
      this._lifeCycleHooks[event] = [listener];
    }
    return this;
  }
  /**
   * Register callback to use as replacement for calling process.exit.
   *
   * @param {Function} [fn] optional callback which will be passed a CommanderError, defaults to throwing
   * @return {Command} `this` command for chaining
   */
  exitOverride(fn) {
    if (fn) {
      this._exitCallback = fn;
    } else {
      this._exitCallback = (err) => {
        if (err.code !== "commander.executeSubCommandAsync") {
          throw err;
        } else {
        }
      };
    }
    return this;
  }
  /**
   * Call process.exit, and _exitCallback if defined.
   *
   * @param {number} exitCode exit code for using with process.exit
   * @param {string} code an id string representing the error
   * @param {string} message human-readable description of the error
   * @return never
   * @private
   */
  _exit(exitCode, code, message) {
    if (this._exitCallback) {
      this._exitCallback(new CommanderError(exitCode, code, message));
    }
    process2.exit(exitCode);
  }
  /**
   * Register callback `fn` for the command.
   *
   * @example
   * program
   *   .command('serve')
   *   .description('start service')
   *   .action(function() {
   *      // do work here
   *   });
   *
   * @param {Function} fn
   * @return {Command} `this` command for chaining
   */
  action(fn) {
    const listener = (args) => {
      const expectedArgsCount = this.registeredArguments.length;
      const actionArgs = args.slice(0, expectedArgsCount);
      if (this._storeOptionsAsProperties) {
        actionArgs[expectedArgsCount] = this;
      } else {
        actionArgs[expectedArgsCount] = this.opts();
      }
      actionArgs.push(this);
      return fn.apply(this, actionArgs);
    };
    this._actionHandler = listener;
    return this;
  }
  /**
   * Factory routine to create a new unattached option.
   *
   * See .option() for creating an attached option, which uses this routine to
   * create the option. You can override createOption to return a custom option.
   *
   * @param {string} flags
   * @param {string} [description]
   * @return {Option} new option
   */
  createOption(flags, description) {
    return new Option(flags, description);
  }
  /**
   * Wrap parseArgs to catch 'commander.invalidArgument'.
   *
   * @param {(Option | Argument)} target
   * @param {string} value
   * @param {*} previous
   * @param {string} invalidArgumentMessage
   * @private
   */
  _callParseArg(target, value, previous, invalidArgumentMessage) {
    try {
      return target.parseArg(value, previous);
    } catch (err) {
      if (err.code === "commander.invalidArgument") {
        const message = `${invalidArgumentMessage} ${err.message}`;
        this.error(message, { exitCode: err.exitCode, code: err.code });
      }
      throw err;
    }
  }
  /**
   * Check for option flag conflicts.
   * Register option if no conflicts found, or throw on conflict.
   *
   * @param {Option} option
   * @private
   */
  _registerOption(option) {
    const matchingOption = option.short && this._findOption(option.short) || option.long && this._findOption(option.long);
    if (matchingOption) {
      const matchingFlag = option.long && this._findOption(option.long) ? option.long : option.short;
      throw new Error(`Cannot add option '${option.flags}'${this._name && ` to command '${this._name}'`} due to conflicting flag '${matchingFlag}'
-  already used by option '${matchingOption.flags}'`);
    }
    this._initOptionGroup(option);
    this.options.push(option);
  }
  /**
   * Check for command name and alias conflicts with existing commands.
   * Register command if no conflicts found, or throw on conflict.
   *
   * @param {Command} command
   * @private
   */
  _registerCommand(command) {
    const knownBy = (cmd) => {
      return [cmd.name()].concat(cmd.aliases());
    };
    const alreadyUsed = knownBy(command).find(
      (name) => this._findCommand(name)
    );
    if (alreadyUsed) {
      const existingCmd = knownBy(this._findCommand(alreadyUsed)).join("|");
      const newCmd = knownBy(command).join("|");
      throw new Error(
        `cannot add command '${newCmd}' as already have command '${existingCmd}'`
      );
    }
    this._initCommandGroup(command);
    this.commands.push(command);
  }
  /**
   * Add an option.
   *
   * @param {Option} option
   * @return {Command} `this` command for chaining
   */
  addOption(option) {
    this._registerOption(option);
    const oname = option.name();
    const name = option.attributeName();
    if (option.defaultValue !== void 0) {
      this.setOptionValueWithSource(name, option.defaultValue, "default");
    }
    const handleOptionValue = (val, invalidValueMessage, valueSource) => {
      if (val == null && option.presetArg !== void 0) {
        val = option.presetArg;
      }
      const oldValue = this.getOptionValue(name);
      if (val !== null && option.parseArg) {
        val = this._callParseArg(option, val, oldValue, invalidValueMessage);
      } else if (val !== null && option.variadic) {
        val = option._collectValue(val, oldValue);
      }
      if (val == null) {
        if (option.negate) {
          val = false;
        } else if (option.isBoolean() || option.optional) {
          val = true;
        } else {
          val = "";
        }
      }
      this.setOptionValueWithSource(name, val, valueSource);
    };
    this.on("option:" + oname, (val) => {
      const invalidValueMessage = `error: option '${option.flags}' argument '${val}' is invalid.`;
      handleOptionValue(val, invalidValueMessage, "cli");
    });
    if (option.envVar) {
      this.on("optionEnv:" + oname, (val) => {
        const invalidValueMessage = `error: option '${option.flags}' value '${val}' from env '${option.envVar}' is invalid.`;
        handleOptionValue(val, invalidValueMessage, "env");
      });
    }
    return this;
  }
  /**
   * Internal implementation shared by .option() and .requiredOption()
   *
   * @return {Command} `this` command for chaining
   * @private
   */
  _optionEx(config, flags, description, fn, defaultValue) {
    if (typeof flags === "object" && flags instanceof Option) {
      throw new Error(
        "To add an Option object use addOption() instead of option() or requiredOption()"
      );
    }
    const option = this.createOption(flags, description);
    option.makeOptionMandatory(!!config.mandatory);
    if (typeof fn === "function") {
      option.default(defaultValue).argParser(fn);
    } else if (fn instanceof RegExp) {
      const regex = fn;
      fn = (val, def) => {
        const m = regex.exec(val);
        return m ? m[0] : def;
      };
      option.default(defaultValue).argParser(fn);
    } else {
      option.default(fn);
    }
    return this.addOption(option);
  }
  /**
   * Define option with `flags`, `description`, and optional argument parsing function or `defaultValue` or both.
   *
   * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space. A required
   * option-argument is indicated by `<>` and an optional option-argument by `[]`.
   *
   * See the README for more details, and see also addOption() and requiredOption().
   *
   * @example
   * program
   *     .option('-p, --pepper', 'add pepper')
   *     .option('--pt, --pizza-type <TYPE>', 'type of pizza') // required option-argument
   *     .option('-c, --cheese [CHEESE]', 'add extra cheese', 'mozzarella') // optional option-argument with default
   *     .option('-t, --tip <VALUE>', 'add tip to purchase cost', parseFloat) // custom parse function
   *
   * @param {string} flags
   * @param {string} [description]
   * @param {(Function|*)} [parseArg] - custom option processing function or default value
   * @param {*} [defaultValue]
   * @return {Command} `this` command for chaining
   */
  option(flags, description, parseArg, defaultValue) {
    return this._optionEx({}, flags, description, parseArg, defaultValue);
  }
  /**
   * Add a required option which must have a value after parsing. This usually means
   * the option must be specified on the command line. (Otherwise the same as .option().)
   *
   * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space.
   *
   * @param {string} flags
   * @param {string} [description]
   * @param {(Function|*)} [parseArg] - custom option processing function or default value
   * @param {*} [defaultValue]
   * @return {Command} `this` command for chaining
   */
  requiredOption(flags, description, parseArg, defaultValue) {
    return this._optionEx(
      { mandatory: true },
      flags,
      description,
      parseArg,
      defaultValue
    );
  }
  /**
   * Alter parsing of short flags with optional values.
   *
   * @example
   * // for `.option('-f,--flag [value]'):
   * program.combineFlagAndOptionalValue(true);  // `-f80` is treated like `--flag=80`, this is the default behaviour
   * program.combineFlagAndOptionalValue(false) // `-fb` is treated like `-f -b`
   *
   * @param {boolean} [combine] - if `true` or omitted, an optional value can be specified directly after the flag.
   * @return {Command} `this` command for chaining
   */
  combineFlagAndOptionalValue(combine = true) {
    this._combineFlagAndOptionalValue = !!combine;
    return this;
  }
  /**
   * Allow unknown options on the command line.
   *
   * @param {boolean} [allowUnknown] - if `true` or omitted, no error will be thrown for unknown options.
   * @return {Command} `this` command for chaining
   */
  allowUnknownOption(allowUnknown = true) {
    this._allowUnknownOption = !!allowUnknown;
    return this;
  }
  /**
   * Allow excess command-arguments on the command line. Pass false to make excess arguments an error.
   *
   * @param {boolean} [allowExcess] - if `true` or omitted, no error will be thrown for excess arguments.
   * @return {Command} `this` command for chaining
   */
  allowExcessArguments(allowExcess = true) {
    this._allowExcessArguments = !!allowExcess;
    return this;
  }
  /**
   * Enable positional options. Positional means global options are specified before subcommands which lets
   * subcommands reuse the same option names, and also enables subcommands to turn on passThroughOptions.
   * The default behaviour is non-positional and global options may appear anywhere on the command line.
   *
   * @param {boolean} [positional]
   * @return {Command} `this` command for chaining
   */
  enablePositionalOptions(positional = true) {
    this._enablePositionalOptions = !!positional;
    return this;
  }
  /**
   * Pass through options that come after command-arguments rather than treat them as command-options,
   * so actual command-options come before command-arguments. Turning this on for a subcommand requires
   * positional options to have been enabled on the program (parent commands).
   * The default behaviour is non-positional and options may appear before or after command-arguments.
   *
   * @param {boolean} [passThrough] for unknown options.
   * @return {Command} `this` command for chaining
   */
  passThroughOptions(passThrough = true) {
    this._passThroughOptions = !!passThrough;
    this._checkForBrokenPassThrough();
    return this;
  }
  /**
   * @private
   */
  _checkForBrokenPassThrough() {
    if (this.parent && this._passThroughOptions && !this.parent._enablePositionalOptions) {
      throw new Error(
        `passThroughOptions cannot be used for '${this._name}' without turning on enablePositionalOptions for parent command(s)`
      );
    }
  }
  /**
   * Whether to store option values as properties on command object,
   * or store separately (specify false). In both cases the option values can be accessed using .opts().
   *
   * @param {boolean} [storeAsProperties=true]
   * @return {Command} `this` command for chaining
   */
  storeOptionsAsProperties(storeAsProperties = true) {
    if (this.options.length) {
      throw new Error("call .storeOptionsAsProperties() before adding options");
    }
    if (Object.keys(this._optionValues).length) {
      throw new Error(
        "call .storeOptionsAsProperties() before setting option values"
      );
    }
    this._storeOptionsAsProperties = !!storeAsProperties;
    return this;
  }
  /**
   * Retrieve option value.
   *
   * @param {string} key
   * @return {object} value
   */
  getOptionValue(key) {
    if (this._storeOptionsAsProperties) {
      return this[key];
    }
    return this._optionValues[key];
  }
  /**
   * Store option value.
   *
   * @param {string} key
   * @param {object} value
   * @return {Command} `this` command for chaining
   */
  setOptionValue(key, value) {
    return this.setOptionValueWithSource(key, value, void 0);
  }
  /**
   * Store option value and where the value came from.
   *
   * @param {string} key
   * @param {object} value
   * @param {string} source - expected values are default/config/env/cli/implied
   * @return {Command} `this` command for chaining
   */
  setOptionValueWithSource(key, value, source) {
    if (this._storeOptionsAsProperties) {
      this[key] = value;
    } else {
      this._optionValues[key] = value;
    }
    this._optionValueSources[key] = source;
    return this;
  }
  /**
   * Get source of option value.
   * Expected values are default | config | env | cli | implied
   *
   * @param {string} key
   * @return {string}
   */
  getOptionValueSource(key) {
    return this._optionValueSources[key];
  }
  /**
   * Get source of option value. See also .optsWithGlobals().
   * Expected values are default | config | env | cli | implied
   *
   * @param {string} key
   * @return {string}
   */
  getOptionValueSourceWithGlobals(key) {
    let source;
    this._getCommandAndAncestors().forEach((cmd) => {
      if (Object.hasOwn(cmd._optionValueSources, key)) {
        source = cmd.getOptionValueSource(key);
      }
    });
    return source;
  }
  /**
   * Get user arguments from implied or explicit arguments.
   * Side-effects: set _scriptPath if args included script. Used for default program name, and subcommand searches.
   *
   * @private
   */
  _prepareUserArgs(argv, parseOptions) {
    if (argv !== void 0 && !Array.isArray(argv)) {
      throw new Error("first parameter to parse must be array or undefined");
    }
    parseOptions = parseOptions || {};
    if (argv === void 0 && parseOptions.from === void 0) {
      if (process2.versions?.electron) {
        parseOptions.from = "electron";
      }
      const execArgv = process2.execArgv ?? [];
      if (execArgv.includes("-e") || execArgv.includes("--eval") || execArgv.includes("-p") || execArgv.includes("--print")) {
        parseOptions.from = "eval";
      }
    }
    if (argv === void 0) {
      argv = process2.argv;
    }
    this.rawArgs = argv.slice();
    let userArgs;
    switch (parseOptions.from) {
      case void 0:
      case "node":
        this._scriptPath = argv[1];
        userArgs = argv.slice(2);
        break;
      case "electron":
        if (process2.defaultApp) {
          this._scriptPath = argv[1];
          userArgs = argv.slice(2);
        } else {
          userArgs = argv.slice(1);
        }
        break;
      case "user":
        userArgs = argv.slice(0);
        break;
      case "eval":
        userArgs = argv.slice(1);
        break;
      default:
        throw new Error(
          `unexpected parse option { from: '${parseOptions.from}' }`
        );
    }
    if (!this._name && this._scriptPath)
      this.nameFromFilename(this._scriptPath);
    this._name = this._name || "program";
    return userArgs;
  }
  /**
   * Parse `argv`, setting options and invoking commands when defined.
   *
   * Use parseAsync instead of parse if any of your action handlers are async.
   *
   * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
   *
   * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
   * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
   * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
   * - `'user'`: just user arguments
   *
   * @example
   * program.parse(); // parse process.argv and auto-detect electron and special node flags
   * program.parse(process.argv); // assume argv[0] is app and argv[1] is script
   * program.parse(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
   *
   * @param {string[]} [argv] - optional, defaults to process.argv
   * @param {object} [parseOptions] - optionally specify style of options with from: node/user/electron
   * @param {string} [parseOptions.from] - where the args are from: 'node', 'user', 'electron'
   * @return {Command} `this` command for chaining
   */
  parse(argv, parseOptions) {
    this._prepareForParse();
    const userArgs = this._prepareUserArgs(argv, parseOptions);
    this._parseCommand([], userArgs);
    return this;
  }
  /**
   * Parse `argv`, setting options and invoking commands when defined.
   *
   * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
   *
   * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
   * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
   * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
   * - `'user'`: just user arguments
   *
   * @example
   * await program.parseAsync(); // parse process.argv and auto-detect electron and special node flags
   * await program.parseAsync(process.argv); // assume argv[0] is app and argv[1] is script
   * await program.parseAsync(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
   *
   * @param {string[]} [argv]
   * @param {object} [parseOptions]
   * @param {string} parseOptions.from - where the args are from: 'node', 'user', 'electron'
   * @return {Promise}
   */
  async parseAsync(argv, parseOptions) {
    this._prepareForParse();
    const userArgs = this._prepareUserArgs(argv, parseOptions);
    await this._parseCommand([], userArgs);
    return this;
  }
  _prepareForParse() {
    if (this._savedState === null) {
      this.options.filter(
        (option) => option.negate && option.defaultValue === void 0 && this.getOptionValue(option.attributeName()) === void 0
      ).forEach((option) => {
        const positiveLongFlag = option.long.replace(/^--no-/, "--");
        if (!this._findOption(positiveLongFlag)) {
          this.setOptionValueWithSource(
            option.attributeName(),
            true,
            "default"
          );
        }
      });
      this.saveStateBeforeParse();
    } else {
      this.restoreStateBeforeParse();
    }
  }
  /**
   * Called the first time parse is called to save state and allow a restore before subsequent calls to parse.
   * Not usually called directly, but available for subclasses to save their custom state.
   *
   * This is called in a lazy way. Only commands used in parsing chain will have state saved.
   */
  saveStateBeforeParse() {
    this._savedState = {
      // name is stable if supplied by author, but may be unspecified for root command and deduced during parsing
      _name: this._name,
      // option values before parse have default values (including false for negated options)
      // shallow clones
      _optionValues: { ...this._optionValues },
      _optionValueSources: { ...this._optionValueSources }
    };
  }
  /**
   * Restore state before parse for calls after the first.
   * Not usually called directly, but available for subclasses to save their custom state.
   *
   * This is called in a lazy way. Only commands used in parsing chain will have state restored.
   */
  restoreStateBeforeParse() {
    if (this._storeOptionsAsProperties)
      throw new Error(`Can not call parse again when storeOptionsAsProperties is true.
- either make a new Command for each call to parse, or stop storing options as properties`);
    this._name = this._savedState._name;
    this._scriptPath = null;
    this.rawArgs = [];
    this._optionValues = { ...this._savedState._optionValues };
    this._optionValueSources = { ...this._savedState._optionValueSources };
    this.args = [];
    this.processedArgs = [];
  }
  /**
   * Throw if expected executable is missing. Add lots of help for author.
   *
   * @param {string} executableFile
   * @param {string} executableDir
   * @param {string} subcommandName
   */
  _checkForMissingExecutable(executableFile, executableDir, subcommandName) {
    if (fs.existsSync(executableFile)) return;
    const executableDirMessage = executableDir ? `searched for local subcommand relative to directory '${executableDir}'` : "no directory for search for local subcommand, use .executableDir() to supply a custom directory";
    const executableMissing = `'${executableFile}' does not exist
 - if '${subcommandName}' is not meant to be an executable command, remove description parameter from '.command()' and use '.description()' instead
 - if the default executable name is not suitable, use the executableFile option to supply a custom name or path
 - ${executableDirMessage}`;
    throw new Error(executableMissing);
  }
  /**
   * Execute a sub-command executable.
   *
   * @private
   */
  _executeSubCommand(subcommand, args) {
    args = args.slice();
    const sourceExt = [".js", ".ts", ".tsx", ".mjs", ".cjs"];
    function findFile(baseDir, baseName) {
      const localBin = path.resolve(baseDir, baseName);
      if (fs.existsSync(localBin)) return localBin;
      if (sourceExt.includes(path.extname(baseName))) return void 0;
      const foundExt = sourceExt.find(
        (ext) => fs.existsSync(`${localBin}${ext}`)
      );
      if (foundExt) return `${localBin}${foundExt}`;
      return void 0;
    }
    this._checkForMissingMandatoryOptions();
    this._checkForConflictingOptions();
    let executableFile = subcommand._executableFile || `${this._name}-${subcommand._name}`;
    let executableDir = this._executableDir || "";
    if (this._scriptPath) {
      let resolvedScriptPath;
      try {
        resolvedScriptPath = fs.realpathSync(this._scriptPath);
      } catch {
        resolvedScriptPath = this._scriptPath;
      }
      executableDir = path.resolve(
        path.dirname(resolvedScriptPath),
        executableDir
      );
    }
    if (executableDir) {
      let localFile = findFile(executableDir, executableFile);
      if (!localFile && !subcommand._executableFile && this._scriptPath) {
        const legacyName = path.basename(
          this._scriptPath,
          path.extname(this._scriptPath)
        );
        if (legacyName !== this._name) {
          localFile = findFile(
            executableDir,
            `${legacyName}-${subcommand._name}`
          );
        }
      }
      executableFile = localFile || executableFile;
    }
    const launchWithNode = sourceExt.includes(path.extname(executableFile));
    let proc;
    if (process2.platform !== "win32") {
      if (launchWithNode) {
        args.unshift(executableFile);
        args = incrementNodeInspectorPort(process2.execArgv).concat(args);
        proc = childProcess.spawn(process2.argv[0], args, { stdio: "inherit" });
      } else {
        proc = childProcess.spawn(executableFile, args, { stdio: "inherit" });
      }
    } else {
      this._checkForMissingExecutable(
        executableFile,
        executableDir,
        subcommand._name
      );
      args.unshift(executableFile);
      args = incrementNodeInspectorPort(process2.execArgv).concat(args);
      proc = childProcess.spawn(process2.execPath, args, { stdio: "inherit" });
    }
    if (!proc.killed) {
      const signals = ["SIGUSR1", "SIGUSR2", "SIGTERM", "SIGINT", "SIGHUP"];
      signals.forEach((signal) => {
        process2.on(signal, () => {
          if (proc.killed === false && proc.exitCode === null) {
            proc.kill(signal);
          }
        });
      });
    }
    const exitCallback = this._exitCallback;
    proc.on("close", (code) => {
      code = code ?? 1;
      if (!exitCallback) {
        process2.exit(code);
      } else {
        exitCallback(
          new CommanderError(
            code,
            "commander.executeSubCommandAsync",
            "(close)"
          )
        );
      }
    });
    proc.on("error", (err) => {
      if (err.code === "ENOENT") {
        this._checkForMissingExecutable(
          executableFile,
          executableDir,
          subcommand._name
        );
      } else if (err.code === "EACCES") {
        throw new Error(`'${executableFile}' not executable`);
      }
      if (!exitCallback) {
        process2.exit(1);
      } else {
        const wrappedError = new CommanderError(
          1,
          "commander.executeSubCommandAsync",
          "(error)"
        );
        wrappedError.nestedError = err;
        exitCallback(wrappedError);
      }
    });
    this.runningCommand = proc;
  }
  /**
   * @private
   */
  _dispatchSubcommand(commandName, operands, unknown) {
    const subCommand = this._findCommand(commandName);
    if (!subCommand) this.help({ error: true });
    subCommand._prepareForParse();
    let promiseChain;
    promiseChain = this._chainOrCallSubCommandHook(
      promiseChain,
      subCommand,
      "preSubcommand"
    );
    promiseChain = this._chainOrCall(promiseChain, () => {
      if (subCommand._executableHandler) {
        this._executeSubCommand(subCommand, operands.concat(unknown));
      } else {
        return subCommand._parseCommand(operands, unknown);
      }
    });
    return promiseChain;
  }
  /**
   * Invoke help directly if possible, or dispatch if necessary.
   * e.g. help foo
   *
   * @private
   */
  _dispatchHelpCommand(subcommandName) {
    if (!subcommandName) {
      this.help();
    }
    const subCommand = this._findCommand(subcommandName);
    if (subCommand && !subCommand._executableHandler) {
      subCommand.help();
    }
    return this._dispatchSubcommand(
      subcommandName,
      [],
      [this._getHelpOption()?.long ?? this._getHelpOption()?.short ?? "--help"]
    );
  }
  /**
   * Check this.args against expected this.registeredArguments.
   *
   * @private
   */
  _checkNumberOfArguments() {
    this.registeredArguments.forEach((arg, i) => {
      if (arg.required && this.args[i] == null) {
        this.missingArgument(arg.name());
      }
    });
    if (this.registeredArguments.length > 0 && this.registeredArguments[this.registeredArguments.length - 1].variadic) {
      return;
    }
    if (this.args.length > this.registeredArguments.length) {
      this._excessArguments(this.args);
    }
  }
  /**
   * Process this.args using this.registeredArguments and save as this.processedArgs!
   *
   * @private
   */
  _processArguments() {
    const myParseArg = (argument, value, previous) => {
      let parsedValue = value;
      if (value !== null && argument.parseArg) {
        const invalidValueMessage = `error: command-argument value '${value}' is invalid for argument '${argument.name()}'.`;
        parsedValue = this._callParseArg(
          argument,
          value,
          previous,
          invalidValueMessage
        );
      }
      return parsedValue;
    };
    this._checkNumberOfArguments();
    const processedArgs = [];
    this.registeredArguments.forEach((declaredArg, index) => {
      let value = declaredArg.defaultValue;
      if (declaredArg.variadic) {
        if (index < this.args.length) {
          value = this.args.slice(index);
          if (declaredArg.parseArg) {
            value = value.reduce((processed, v) => {
              return myParseArg(declaredArg, v, processed);
            }, declaredArg.defaultValue);
          }
        } else if (value === void 0) {
          value = [];
        }
      } else if (index < this.args.length) {
        value = this.args[index];
        if (declaredArg.parseArg) {
          value = myParseArg(declaredArg, value, declaredArg.defaultValue);
        }
      }
      processedArgs[index] = value;
    });
    this.processedArgs = processedArgs;
  }
  /**
   * Once we have a promise we chain, but call synchronously until then.
   *
   * @param {(Promise|undefined)} promise
   * @param {Function} fn
   * @return {(Promise|undefined)}
   * @private
   */
  _chainOrCall(promise, fn) {
    if (promise?.then && typeof promise.then === "function") {
      return promise.then(() => fn());
    }
    return fn();
  }
  /**
   *
   * @param {(Promise|undefined)} promise
   * @param {string} event
   * @return {(Promise|undefined)}
   * @private
   */
  _chainOrCallHooks(promise, event) {
    let result = promise;
    const hooks = [];
    this._getCommandAndAncestors().reverse().filter((cmd) => cmd._lifeCycleHooks[event] !== void 0).forEach((hookedCommand) => {
      hookedCommand._lifeCycleHooks[event].forEach((callback) => {
        hooks.push({ hookedCommand, callback });
      });
    });
    if (event === "postAction") {
      hooks.reverse();
    }
    hooks.forEach((hookDetail) => {
      result = this._chainOrCall(result, () => {
        return hookDetail.callback(hookDetail.hookedCommand, this);
      });
    });
    return result;
  }
  /**
   *
   * @param {(Promise|undefined)} promise
   * @param {Command} subCommand
   * @param {string} event
   * @return {(Promise|undefined)}
   * @private
   */
  _chainOrCallSubCommandHook(promise, subCommand, event) {
    let result = promise;
    if (this._lifeCycleHooks[event] !== void 0) {
      this._lifeCycleHooks[event].forEach((hook) => {
        result = this._chainOrCall(result, () => {
          return hook(this, subCommand);
        });
      });
    }
    return result;
  }
  /**
   * Process arguments in context of this command.
   * Returns action result, in case it is a promise.
   *
   * @private
   */
  _parseCommand(operands, unknown) {
    const parsed = this.parseOptions(unknown);
    this._parseOptionsEnv();
    this._parseOptionsImplied();
    operands = operands.concat(parsed.operands);
    unknown = parsed.unknown;
    this.args = operands.concat(unknown);
    if (operands && this._findCommand(operands[0])) {
      return this._dispatchSubcommand(operands[0], operands.slice(1), unknown);
    }
    if (this._getHelpCommand() && operands[0] === this._getHelpCommand().name()) {
      return this._dispatchHelpCommand(operands[1]);
    }
    if (this._defaultCommandName) {
      this._outputHelpIfRequested(unknown);
      return this._dispatchSubcommand(
        this._defaultCommandName,
        operands,
        unknown
      );
    }
    if (this.commands.length && this.args.length === 0 && !this._actionHandler && !this._defaultCommandName) {
      this.help({ error: true });
    }
    this._outputHelpIfRequested(parsed.unknown);
    this._checkForMissingMandatoryOptions();
    this._checkForConflictingOptions();
    const checkForUnknownOptions = () => {
      if (parsed.unknown.length > 0) {
        this.unknownOption(parsed.unknown[0]);
      }
    };
    const commandEvent = `command:${this.name()}`;
    if (this._actionHandler) {
      checkForUnknownOptions();
      this._processArguments();
      let promiseChain;
      promiseChain = this._chainOrCallHooks(promiseChain, "preAction");
      promiseChain = this._chainOrCall(
        promiseChain,
        () => this._actionHandler(this.processedArgs)
      );
      if (this.parent) {
        promiseChain = this._chainOrCall(promiseChain, () => {
          this.parent.emit(commandEvent, operands, unknown);
        });
      }
      promiseChain = this._chainOrCallHooks(promiseChain, "postAction");
      return promiseChain;
    }
    if (this.parent?.listenerCount(commandEvent)) {
      checkForUnknownOptions();
      this._processArguments();
      this.parent.emit(commandEvent, operands, unknown);
    } else if (operands.length) {
      if (this._findCommand("*")) {
        return this._dispatchSubcommand("*", operands, unknown);
      }
      if (this.listenerCount("command:*")) {
        this.emit("command:*", operands, unknown);
      } else if (this.commands.length) {
        this.unknownCommand();
      } else {
        checkForUnknownOptions();
        this._processArguments();
      }
    } else if (this.commands.length) {
      checkForUnknownOptions();
      this.help({ error: true });
    } else {
      checkForUnknownOptions();
      this._processArguments();
    }
  }
  /**
   * Find matching command.
   *
   * @private
   * @return {Command | undefined}
   */
  _findCommand(name) {
    if (!name) return void 0;
    return this.commands.find(
      (cmd) => cmd._name === name || cmd._aliases.includes(name)
    );
  }
  /**
   * Return an option matching `arg` if any.
   *
   * @param {string} arg
   * @return {Option}
   * @package
   */
  _findOption(arg) {
    return this.options.find((option) => option.is(arg));
  }
  /**
   * Display an error message if a mandatory option does not have a value.
   * Called after checking for help flags in leaf subcommand.
   *
   * @private
   */
  _checkForMissingMandatoryOptions() {
    this._getCommandAndAncestors().forEach((cmd) => {
      cmd.options.forEach((anOption) => {
        if (anOption.mandatory && cmd.getOptionValue(anOption.attributeName()) === void 0) {
          cmd.missingMandatoryOptionValue(anOption);
        }
      });
    });
  }
  /**
   * Display an error message if conflicting options are used together in this.
   *
   * @private
   */
  _checkForConflictingLocalOptions() {
    const definedNonDefaultOptions = this.options.filter((option) => {
      const optionKey = option.attributeName();
      if (this.getOptionValue(optionKey) === void 0) {
        return false;
      }
      return this.getOptionValueSource(optionKey) !== "default";
    });
    const optionsWithConflicting = definedNonDefaultOptions.filter(
      (option) => option.conflictsWith.length > 0
    );
    optionsWithConflicting.forEach((option) => {
      const conflictingAndDefined = definedNonDefaultOptions.find(
        (defined) => option.conflictsWith.includes(defined.attributeName())
      );
      if (conflictingAndDefined) {
        this._conflictingOption(option, conflictingAndDefined);
      }
    });
  }
  /**
   * Display an error message if conflicting options are used together.
   * Called after checking for help flags in leaf subcommand.
   *
   * @private
   */
  _checkForConflictingOptions() {
    this._getCommandAndAncestors().forEach((cmd) => {
      cmd._checkForConflictingLocalOptions();
    });
  }
  /**
   * Parse options from `argv` removing known options,
   * and return argv split into operands and unknown arguments.
   *
   * Side effects: modifies command by storing options. Does not reset state if called again.
   *
   * Examples:
   *
   *     argv => operands, unknown
   *     --known kkk op => [op], []
   *     op --known kkk => [op], []
   *     sub --unknown uuu op => [sub], [--unknown uuu op]
   *     sub -- --unknown uuu op => [sub --unknown uuu op], []
   *
   * @param {string[]} args
   * @return {{operands: string[], unknown: string[]}}
   */
  parseOptions(args) {
    const operands = [];
    const unknown = [];
    let dest = operands;
    function maybeOption(arg) {
      return arg.length > 1 && arg[0] === "-";
    }
    const negativeNumberArg = (arg) => {
      if (!/^-(\d+|\d*\.\d+)([eE][+-]?\d+)?$/.test(arg)) return false;
      return !this._getCommandAndAncestors().some(
        (cmd) => cmd.options.map((opt) => opt.short).some((short) => /^-\d$/.test(short))
      );
    };
    let activeVariadicOption = null;
    let activeGroup = null;
    let i = 0;
    while (i < args.length || activeGroup) {
      const arg = activeGroup ?? args[i++];
      activeGroup = null;
      if (arg === "--") {
        if (dest === unknown) dest.push(arg);
        dest.push(...args.slice(i));
        break;
      }
      if (activeVariadicOption && (!maybeOption(arg) || negativeNumberArg(arg))) {
        this.emit(`option:${activeVariadicOption.name()}`, arg);
        continue;
      }
      activeVariadicOption = null;
      if (maybeOption(arg)) {
        const option = this._findOption(arg);
        if (option) {
          if (option.required) {
            const value = args[i++];
            if (value === void 0) this.optionMissingArgument(option);
            this.emit(`option:${option.name()}`, value);
          } else if (option.optional) {
            let value = null;
            if (i < args.length && (!maybeOption(args[i]) || negativeNumberArg(args[i]))) {
              value = args[i++];
            }
            this.emit(`option:${option.name()}`, value);
          } else {
            this.emit(`option:${option.name()}`);
          }
          activeVariadicOption = option.variadic ? option : null;
          continue;
        }
      }
      if (arg.length > 2 && arg[0] === "-" && arg[1] !== "-") {
        const option = this._findOption(`-${arg[1]}`);
        if (option) {
          if (option.required || option.optional && this._combineFlagAndOptionalValue) {
            this.emit(`option:${option.name()}`, arg.slice(2));
          } else {
            this.emit(`option:${option.name()}`);
            activeGroup = `-${arg.slice(2)}`;
          }
          continue;
        }
      }
      if (/^--[^=]+=/.test(arg)) {
        const index = arg.indexOf("=");
        const option = this._findOption(arg.slice(0, index));
        if (option && (option.required || option.optional)) {
          this.emit(`option:${option.name()}`, arg.slice(index + 1));
          continue;
        }
      }
      if (dest === operands && maybeOption(arg) && !(this.commands.length === 0 && negativeNumberArg(arg))) {
        dest = unknown;
      }
      if ((this._enablePositionalOptions || this._passThroughOptions) && operands.length === 0 && unknown.length === 0) {
        if (this._findCommand(arg)) {
          operands.push(arg);
          unknown.push(...args.slice(i));
          break;
        } else if (this._getHelpCommand() && arg === this._getHelpCommand().name()) {
          operands.push(arg, ...args.slice(i));
          break;
        } else if (this._defaultCommandName) {
          unknown.push(arg, ...args.slice(i));
          break;
        }
      }
      if (this._passThroughOptions) {
        dest.push(arg, ...args.slice(i));
        break;
      }
      dest.push(arg);
    }
    return { operands, unknown };
  }
  /**
   * Return an object containing local option values as key-value pairs.
   *
   * @return {object}
   */
  opts() {
    if (this._storeOptionsAsProperties) {
      const result = {};
      const len = this.options.length;
      for (let i = 0; i < len; i++) {
        const key = this.options[i].attributeName();
        result[key] = key === this._versionOptionName ? this._version : this[key];
      }
      return result;
    }
    return this._optionValues;
  }
  /**
   * Return an object containing merged local and global option values as key-value pairs.
   *
   * @return {object}
   */
  optsWithGlobals() {
    return this._getCommandAndAncestors().reduce(
      (combinedOptions, cmd) => Object.assign(combinedOptions, cmd.opts()),
      {}
    );
  }
  /**
   * Display error message and exit (or call exitOverride).
   *
   * @param {string} message
   * @param {object} [errorOptions]
   * @param {string} [errorOptions.code] - an id string representing the error
   * @param {number} [errorOptions.exitCode] - used with process.exit
   */
  error(message, errorOptions) {
    this._outputConfiguration.outputError(
      `${message}
`,
      this._outputConfiguration.writeErr
    );
    if (typeof this._showHelpAfterError === "string") {
      this._outputConfiguration.writeErr(`${this._showHelpAfterError}
`);
    } else if (this._showHelpAfterError) {
      this._outputConfiguration.writeErr("\n");
      this.outputHelp({ error: true });
    }
    const config = errorOptions || {};
    const exitCode = config.exitCode || 1;
    const code = config.code || "commander.error";
    this._exit(exitCode, code, message);
  }
  /**
   * Apply any option related environment variables, if option does
   * not have a value from cli or client code.
   *
   * @private
   */
  _parseOptionsEnv() {
    this.options.forEach((option) => {
      if (option.envVar && option.envVar in process2.env) {
        const optionKey = option.attributeName();
        if (this.getOptionValue(optionKey) === void 0 || ["default", "config", "env"].includes(
          this.getOptionValueSource(optionKey)
        )) {
          if (option.required || option.optional) {
            this.emit(`optionEnv:${option.name()}`, process2.env[option.envVar]);
          } else {
            this.emit(`optionEnv:${option.name()}`);
          }
        }
      }
    });
  }
  /**
   * Apply any implied option values, if option is undefined or default value.
   *
   * @private
   */
  _parseOptionsImplied() {
    const dualHelper = new DualOptions(this.options);
    const hasCustomOptionValue = (optionKey) => {
      return this.getOptionValue(optionKey) !== void 0 && !["default", "implied"].includes(this.getOptionValueSource(optionKey));
    };
    this.options.filter(
      (option) => option.implied !== void 0 && hasCustomOptionValue(option.attributeName()) && dualHelper.valueFromOption(
        this.getOptionValue(option.attributeName()),
        option
      )
    ).forEach((option) => {
      Object.keys(option.implied).filter((impliedKey) => !hasCustomOptionValue(impliedKey)).forEach((impliedKey) => {
        this.setOptionValueWithSource(
          impliedKey,
          option.implied[impliedKey],
          "implied"
        );
      });
    });
  }
  /**
   * Argument `name` is missing.
   *
   * @param {string} name
   * @private
   */
  missingArgument(name) {
    const message = `error: missing required argument '${name}'`;
    this.error(message, { code: "commander.missingArgument" });
  }
  /**
   * `Option` is missing an argument.
   *
   * @param {Option} option
   * @private
   */
  optionMissingArgument(option) {
    const message = `error: option '${option.flags}' argument missing`;
    this.error(message, { code: "commander.optionMissingArgument" });
  }
  /**
   * `Option` does not have a value, and is a mandatory option.
   *
   * @param {Option} option
   * @private
   */
  missingMandatoryOptionValue(option) {
    const message = `error: required option '${option.flags}' not specified`;
    this.error(message, { code: "commander.missingMandatoryOptionValue" });
  }
  /**
   * `Option` conflicts with another option.
   *
   * @param {Option} option
   * @param {Option} conflictingOption
   * @private
   */
  _conflictingOption(option, conflictingOption) {
    const findBestOptionFromValue = (option2) => {
      const optionKey = option2.attributeName();
      const optionValue = this.getOptionValue(optionKey);
      const negativeOption = this.options.find(
        (target) => target.negate && optionKey === target.attributeName()
      );
      const positiveOption = this.options.find(
        (target) => !target.negate && optionKey === target.attributeName()
      );
      if (negativeOption && (negativeOption.presetArg === void 0 && optionValue === false || negativeOption.presetArg !== void 0 && optionValue === negativeOption.presetArg)) {
        return negativeOption;
      }
      return positiveOption || option2;
    };
    const getErrorMessage = (option2) => {
      const bestOption = findBestOptionFromValue(option2);
      const optionKey = bestOption.attributeName();
      const source = this.getOptionValueSource(optionKey);
      if (source === "env") {
        return `environment variable '${bestOption.envVar}'`;
      }
      return `option '${bestOption.flags}'`;
    };
    const message = `error: ${getErrorMessage(option)} cannot be used with ${getErrorMessage(conflictingOption)}`;
    this.error(message, { code: "commander.conflictingOption" });
  }
  /**
   * Unknown option `flag`.
   *
   * @param {string} flag
   * @private
   */
  unknownOption(flag) {
    if (this._allowUnknownOption) return;
    let suggestion = "";
    if (flag.startsWith("--") && this._showSuggestionAfterError) {
      let candidateFlags = [];
      let command = this;
      do {
        const moreFlags = command.createHelp().visibleOptions(command).filter((option) => option.long).map((option) => option.long);
        candidateFlags = candidateFlags.concat(moreFlags);
        command = command.parent;
      } while (command && !command._enablePositionalOptions);
      suggestion = suggestSimilar(flag, candidateFlags);
    }
    const message = `error: unknown option '${flag}'${suggestion}`;
    this.error(message, { code: "commander.unknownOption" });
  }
  /**
   * Excess arguments, more than expected.
   *
   * @param {string[]} receivedArgs
   * @private
   */
  _excessArguments(receivedArgs) {
    if (this._allowExcessArguments) return;
    const expected = this.registeredArguments.length;
    const s = expected === 1 ? "" : "s";
    const received = receivedArgs.length;
    const forSubcommand = this.parent ? ` for '${this.name()}'` : "";
    const details = receivedArgs.join(", ");
    const message = `error: too many arguments${forSubcommand}. Expected ${expected} argument${s} but got ${received}: ${details}.`;
    this.error(message, { code: "commander.excessArguments" });
  }
  /**
   * Unknown command.
   *
   * @private
   */
  unknownCommand() {
    const unknownName = this.args[0];
    let suggestion = "";
    if (this._showSuggestionAfterError) {
      const candidateNames = [];
      this.createHelp().visibleCommands(this).forEach((command) => {
        candidateNames.push(command.name());
        if (command.alias()) candidateNames.push(command.alias());
      });
      suggestion = suggestSimilar(unknownName, candidateNames);
    }
    const message = `error: unknown command '${unknownName}'${suggestion}`;
    this.error(message, { code: "commander.unknownCommand" });
  }
  /**
   * Get or set the program version.
   *
   * This method auto-registers the "-V, --version" option which will print the version number.
   *
   * You can optionally supply the flags and description to override the defaults.
   *
   * @param {string} [str]
   * @param {string} [flags]
   * @param {string} [description]
   * @return {(this | string | undefined)} `this` command for chaining, or version string if no arguments
   */
  version(str, flags, description) {
    if (str === void 0) return this._version;
    this._version = str;
    flags = flags || "-V, --version";
    description = description || "output the version number";
    const versionOption = this.createOption(flags, description);
    this._versionOptionName = versionOption.attributeName();
    this._registerOption(versionOption);
    this.on("option:" + versionOption.name(), () => {
      this._outputConfiguration.writeOut(`${str}
`);
      this._exit(0, "commander.version", str);
    });
    return this;
  }
  /**
   * Set the description.
   *
   * @param {string} [str]
   * @param {object} [argsDescription]
   * @return {(string|Command)}
   */
  description(str, argsDescription) {
    if (str === void 0 && argsDescription === void 0)
      return this._description;
    this._description = str;
    if (argsDescription) {
      this._argsDescription = argsDescription;
    }
    return this;
  }
  /**
   * Set the summary. Used when listed as subcommand of parent.
   *
   * @param {string} [str]
   * @return {(string|Command)}
   */
  summary(str) {
    if (str === void 0) return this._summary;
    this._summary = str;
    return this;
  }
  /**
   * Set an alias for the command.
   *
   * You may call more than once to add multiple aliases. Only the first alias is shown in the auto-generated help.
   *
   * @param {string} [alias]
   * @return {(string|Command)}
   */
  alias(alias) {
    if (alias === void 0) return this._aliases[0];
    let command = this;
    if (this.commands.length !== 0 && this.commands[this.commands.length - 1]._executableHandler) {
      command = this.commands[this.commands.length - 1];
    }
    if (alias === command._name)
      throw new Error("Command alias can't be the same as its name");
    const matchingCommand = this.parent?._findCommand(alias);
    if (matchingCommand) {
      const existingCmd = [matchingCommand.name()].concat(matchingCommand.aliases()).join("|");
      throw new Error(
        `cannot add alias '${alias}' to command '${this.name()}' as already have command '${existingCmd}'`
      );
    }
    command._aliases.push(alias);
    return this;
  }
  /**
   * Set aliases for the command.
   *
   * Only the first alias is shown in the auto-generated help.
   *
   * @param {string[]} [aliases]
   * @return {(string[]|Command)}
   */
  aliases(aliases) {
    if (aliases === void 0) return this._aliases;
    aliases.forEach((alias) => this.alias(alias));
    return this;
  }
  /**
   * Set / get the command usage `str`.
   *
   * @param {string} [str]
   * @return {(string|Command)}
   */
  usage(str) {
    if (str === void 0) {
      if (this._usage) return this._usage;
      const args = this.registeredArguments.map((arg) => {
        return humanReadableArgName(arg);
      });
      return [].concat(
        this.options.length || this._helpOption !== null ? "[options]" : [],
        this.commands.length ? "[command]" : [],
        this.registeredArguments.length ? args : []
      ).join(" ");
    }
    this._usage = str;
    return this;
  }
  /**
   * Get or set the name of the command.
   *
   * @param {string} [str]
   * @return {(string|Command)}
   */
  name(str) {
    if (str === void 0) return this._name;
    this._name = str;
    return this;
  }
  /**
   * Set/get the help group heading for this subcommand in parent command's help.
   *
   * @param {string} [heading]
   * @return {Command | string}
   */
  helpGroup(heading) {
    if (heading === void 0) return this._helpGroupHeading ?? "";
    this._helpGroupHeading = heading;
    return this;
  }
  /**
   * Set/get the default help group heading for subcommands added to this command.
   * (This does not override a group set directly on the subcommand using .helpGroup().)
   *
   * @example
   * program.commandsGroup('Development Commands:');
   * program.command('watch')...
   * program.command('lint')...
   * ...
   *
   * @param {string} [heading]
   * @returns {Command | string}
   */
  commandsGroup(heading) {
    if (heading === void 0) return this._defaultCommandGroup ?? "";
    this._defaultCommandGroup = heading;
    return this;
  }
  /**
   * Set/get the default help group heading for options added to this command.
   * (This does not override a group set directly on the option using .helpGroup().)
   *
   * @example
   * program
   *   .optionsGroup('Development Options:')
   *   .option('-d, --debug', 'output extra debugging')
   *   .option('-p, --profile', 'output profiling information')
   *
   * @param {string} [heading]
   * @returns {Command | string}
   */
  optionsGroup(heading) {
    if (heading === void 0) return this._defaultOptionGroup ?? "";
    this._defaultOptionGroup = heading;
    return this;
  }
  /**
   * @param {Option} option
   * @private
   */
  _initOptionGroup(option) {
    if (this._defaultOptionGroup && !option.helpGroupHeading)
      option.helpGroup(this._defaultOptionGroup);
  }
  /**
   * @param {Command} cmd
   * @private
   */
  _initCommandGroup(cmd) {
    if (this._defaultCommandGroup && !cmd.helpGroup())
      cmd.helpGroup(this._defaultCommandGroup);
  }
  /**
   * Set the name of the command from script filename, such as process.argv[1],
   * or import.meta.filename.
   *
   * (Used internally and public although not documented in README.)
   *
   * @example
   * program.nameFromFilename(import.meta.filename);
   *
   * @param {string} filename
   * @return {Command}
   */
  nameFromFilename(filename) {
    this._name = path.basename(filename, path.extname(filename));
    return this;
  }
  /**
   * Get or set the directory for searching for executable subcommands of this command.
   *
   * @example
   * program.executableDir(import.meta.dirname);
   * // or
   * program.executableDir('subcommands');
   *
   * @param {string} [path]
   * @return {(string|null|Command)}
   */
  executableDir(path2) {
    if (path2 === void 0) return this._executableDir;
    this._executableDir = path2;
    return this;
  }
  /**
   * Return program help documentation.
   *
   * @param {{ error: boolean }} [contextOptions] - pass {error:true} to wrap for stderr instead of stdout
   * @return {string}
   */
  helpInformation(contextOptions) {
    const helper = this.createHelp();
    const context = this._getOutputContext(contextOptions);
    helper.prepareContext({
      error: context.error,
      helpWidth: context.helpWidth,
      outputHasColors: context.hasColors
    });
    const text = helper.formatHelp(this, helper);
    if (context.hasColors) return text;
    return this._outputConfiguration.stripColor(text);
  }
  /**
   * @typedef HelpContext
   * @type {object}
   * @property {boolean} error
   * @property {number} helpWidth
   * @property {boolean} hasColors
   * @property {function} write - includes stripColor if needed
   *
   * @returns {HelpContext}
   * @private
   */
  _getOutputContext(contextOptions) {
    contextOptions = contextOptions || {};
    const error = !!contextOptions.error;
    let baseWrite;
    let hasColors;
    let helpWidth;
    if (error) {
      baseWrite = (str) => this._outputConfiguration.writeErr(str);
      hasColors = this._outputConfiguration.getErrHasColors();
      helpWidth = this._outputConfiguration.getErrHelpWidth();
    } else {
      baseWrite = (str) => this._outputConfiguration.writeOut(str);
      hasColors = this._outputConfiguration.getOutHasColors();
      helpWidth = this._outputConfiguration.getOutHelpWidth();
    }
    const write = (str) => {
      if (!hasColors) str = this._outputConfiguration.stripColor(str);
      return baseWrite(str);
    };
    return { error, write, hasColors, helpWidth };
  }
  /**
   * Output help information for this command.
   *
   * Outputs built-in help, and custom text added using `.addHelpText()`.
   *
   * @param {{ error: boolean } | Function} [contextOptions] - pass {error:true} to write to stderr instead of stdout
   */
  outputHelp(contextOptions) {
    let deprecatedCallback;
    if (typeof contextOptions === "function") {
      deprecatedCallback = contextOptions;
      contextOptions = void 0;
    }
    const outputContext = this._getOutputContext(contextOptions);
    const eventContext = {
      error: outputContext.error,
      write: outputContext.write,
      command: this
    };
    this._getCommandAndAncestors().reverse().forEach((command) => command.emit("beforeAllHelp", eventContext));
    this.emit("beforeHelp", eventContext);
    let helpInformation = this.helpInformation({ error: outputContext.error });
    if (deprecatedCallback) {
      helpInformation = deprecatedCallback(helpInformation);
      if (typeof helpInformation !== "string" && !Buffer.isBuffer(helpInformation)) {
        throw new Error("outputHelp callback must return a string or a Buffer");
      }
    }
    outputContext.write(helpInformation);
    if (this._getHelpOption()?.long) {
      this.emit(this._getHelpOption().long);
    }
    this.emit("afterHelp", eventContext);
    this._getCommandAndAncestors().forEach(
      (command) => command.emit("afterAllHelp", eventContext)
    );
  }
  /**
   * You can pass in flags and a description to customise the built-in help option.
   * Pass in false to disable the built-in help option.
   *
   * @example
   * program.helpOption('-?, --help', 'show help'); // customise
   * program.helpOption(false); // disable
   *
   * @param {(string | boolean)} flags
   * @param {string} [description]
   * @return {Command} `this` command for chaining
   */
  helpOption(flags, description) {
    if (typeof flags === "boolean") {
      if (flags) {
        if (this._helpOption === null) this._helpOption = void 0;
        if (this._defaultOptionGroup) {
          this._initOptionGroup(this._getHelpOption());
        }
      } else {
        this._helpOption = null;
      }
      return this;
    }
    this._helpOption = this.createOption(
      flags ?? "-h, --help",
      description ?? "display help for command"
    );
    if (flags || description) this._initOptionGroup(this._helpOption);
    return this;
  }
  /**
   * Lazy create help option.
   * Returns null if has been disabled with .helpOption(false).
   *
   * @returns {(Option | null)} the help option
   * @package
   */
  _getHelpOption() {
    if (this._helpOption === void 0) {
      this.helpOption(void 0, void 0);
    }
    return this._helpOption;
  }
  /**
   * Supply your own option to use for the built-in help option.
   * This is an alternative to using helpOption() to customise the flags and description etc.
   *
   * @param {Option} option
   * @return {Command} `this` command for chaining
   */
  addHelpOption(option) {
    this._helpOption = option;
    this._initOptionGroup(option);
    return this;
  }
  /**
   * Output help information and exit.
   *
   * Outputs built-in help, and custom text added using `.addHelpText()`.
   *
   * @param {{ error: boolean }} [contextOptions] - pass {error:true} to write to stderr instead of stdout
   */
  help(contextOptions) {
    this.outputHelp(contextOptions);
    let exitCode = Number(process2.exitCode ?? 0);
    if (exitCode === 0 && contextOptions && typeof contextOptions !== "function" && contextOptions.error) {
      exitCode = 1;
    }
    this._exit(exitCode, "commander.help", "(outputHelp)");
  }
  /**
   * // Do a little typing to coordinate emit and listener for the help text events.
   * @typedef HelpTextEventContext
   * @type {object}
   * @property {boolean} error
   * @property {Command} command
   * @property {function} write
   */
  /**
   * Add additional text to be displayed with the built-in help.
   *
   * Position is 'before' or 'after' to affect just this command,
   * and 'beforeAll' or 'afterAll' to affect this command and all its subcommands.
   *
   * @param {string} position - before or after built-in help
   * @param {(string | Function)} text - string to add, or a function returning a string
   * @return {Command} `this` command for chaining
   */
  addHelpText(position, text) {
    const allowedValues = ["beforeAll", "before", "after", "afterAll"];
    if (!allowedValues.includes(position)) {
      throw new Error(`Unexpected value for position to addHelpText.
Expecting one of '${allowedValues.join("', '")}'`);
    }
    const helpEvent = `${position}Help`;
    this.on(helpEvent, (context) => {
      let helpStr;
      if (typeof text === "function") {
        helpStr = text({ error: context.error, command: context.command });
      } else {
        helpStr = text;
      }
      if (helpStr) {
        context.write(`${helpStr}
`);
      }
    });
    return this;
  }
  /**
   * Output help information if help flags specified
   *
   * @param {Array} args - array of options to search for help flags
   * @private
   */
  _outputHelpIfRequested(args) {
    const helpOption = this._getHelpOption();
    const helpRequested = helpOption && args.find((arg) => helpOption.is(arg));
    if (helpRequested) {
      this.outputHelp();
      this._exit(0, "commander.helpDisplayed", "(outputHelp)");
    }
  }
};
function incrementNodeInspectorPort(args) {
  return args.map((arg) => {
    if (!arg.startsWith("--inspect")) {
      return arg;
    }
    let debugOption;
    let debugHost = "127.0.0.1";
    let debugPort = "9229";
    let match;
    if ((match = arg.match(/^(--inspect(-brk|-wait)?)$/)) !== null) {
      debugOption = match[1];
    } else if ((match = arg.match(
      /^(--inspect(-brk|-port|-wait)?)=(\[[^\]]+\]|[^:]+)$/
    )) !== null) {
      debugOption = match[1];
      if (/^\d+$/.test(match[3])) {
        debugPort = match[3];
      } else {
        debugHost = match[3];
      }
    } else if ((match = arg.match(
      /^(--inspect(-brk|-port|-wait)?)=(\[[^\]]+\]|[^:]+):(\d+)$/
    )) !== null) {
      debugOption = match[1];
      debugHost = match[3];
      debugPort = match[4];
    }
    if (debugOption && debugPort !== "0") {
      return `${debugOption}=${debugHost}:${parseInt(debugPort) + 1}`;
    }
    return arg;
  });
}
function useColor() {
  if (process2.env.NO_COLOR || process2.env.FORCE_COLOR === "0" || process2.env.FORCE_COLOR === "false")
    return false;
  if (process2.env.FORCE_COLOR || process2.env.CLICOLOR_FORCE !== void 0)
    return true;
  return void 0;
}

// node_modules/commander/index.js
var program = new Command();

// node_modules/csv-stringify/lib/sync.js
var stringify = function(records, opts = {}) {
  const data = [];
  const [err, options] = normalize_options(opts);
  if (err !== void 0) throw err;
  const state = {
    stop: false
  };
  const info = {
    records: 0
  };
  const api = stringifier(options, state, info);
  for (const record of records) {
    const err2 = api.__transform(record, function(record2) {
      data.push(record2);
    });
    if (err2 !== void 0) throw err2;
  }
  if (data.length === 0) {
    api.bom((d) => {
      data.push(d);
    });
    const err2 = api.headers((headers) => {
      data.push(headers);
    });
    if (err2 !== void 0) throw err2;
  }
  return data.join("");
};

// src/report/estimateCsv.ts
var MODES = ["sync", "flex", "batch"];
function modeRows(file, model2, requests, input, out, cost) {
  return MODES.flatMap((mode) => {
    const c = cost[mode];
    if (!c) return [];
    return [[file, model2, mode, requests, input, out.low, out.expected, out.max, c.low, c.expected, c.max]];
  });
}
function estimateToCsv(e) {
  if (e.items) {
    return stringify(
      e.items.map((i) => [e.file, i.line, i.custom_id, i.model, i.url, i.input_tokens, i.output_tokens.low, i.output_tokens.expected, i.output_tokens.max, i.unbounded]),
      { header: true, columns: ["file", "line", "custom_id", "model", "url", "input_tokens", "output_low", "output_expected", "output_max", "unbounded"] }
    );
  }
  const rows = [
    ...e.models.flatMap((m) => modeRows(e.file, m.model, m.requests, m.input_tokens, m.output_tokens, m.cost)),
    ...modeRows(e.file, "(total)", e.requests, e.input_tokens, e.output_tokens, e.cost)
  ];
  return stringify(rows, {
    header: true,
    columns: ["file", "model", "mode", "requests", "input_tokens", "output_low", "output_expected", "output_max", "cost_low_usd", "cost_expected_usd", "cost_max_usd"]
  });
}

// src/report/estimateTable.ts
var MODEL_COLUMN = 24;
var SHOWN_WARNINGS = 10;
var tokens = (r) => `${formatInt(r.low)} / ${formatInt(r.expected)} / ${formatInt(r.max)}`;
function modeRows2(cost, chosen) {
  const rows = [["mode", "low", "expected", "max", "saves (expected)"]];
  for (const mode of ["sync", "flex", "batch"]) {
    const c = cost[mode];
    const mark = mode === chosen ? " *" : "";
    if (!c) {
      rows.push([mode + mark, "\u2014", "\u2014", "\u2014", "no flex processing"]);
      continue;
    }
    const saved = cost.sync.expected - c.expected;
    rows.push([
      mode + mark,
      formatUsd(c.low),
      formatUsd(c.expected),
      formatUsd(c.max),
      mode === "sync" ? "" : `${formatUsd(saved)} (${formatPercent(saved, cost.sync.expected)})`
    ]);
  }
  return rows;
}
function renderEstimateTable(e) {
  const out = [];
  out.push(`${e.file}: ${formatInt(e.requests)} requests, ${formatInt(e.input_tokens)} input tokens`);
  out.push(`output tokens (low / expected / max): ${tokens(e.output_tokens)}`);
  out.push("");
  out.push(...padTable(modeRows2(e.cost, e.recommendation.mode), /* @__PURE__ */ new Set([1, 2, 3])));
  if (e.models.length > 1) {
    out.push("");
    out.push("per model (expected):");
    const rows = [["model", "requests", "input tok", "sync", "flex", "batch"]];
    for (const m of e.models) {
      rows.push([
        truncate(m.model, MODEL_COLUMN),
        formatInt(m.requests),
        formatInt(m.input_tokens),
        formatUsd(m.cost.sync.expected),
        m.cost.flex ? formatUsd(m.cost.flex.expected) : "\u2014",
        formatUsd(m.cost.batch.expected)
      ]);
    }
    out.push(...padTable(rows, /* @__PURE__ */ new Set([1, 2, 3, 4, 5])).map((l) => "  " + l));
  }
  out.push("");
  const text = (line) => out.push(...wrap(line, 80, 2));
  text(`recommended: ${e.recommendation.mode} \u2014 ${e.recommendation.reason}`);
  for (const s of e.split_notes) text(`batch split: ${s.message}`);
  for (const w of e.warnings.slice(0, SHOWN_WARNINGS)) text(`warning: ${e.file}:${w.line}: ${w.reason}`);
  if (e.warning_count > SHOWN_WARNINGS) text(`warning: \u2026and ${e.warning_count - SHOWN_WARNINGS} more`);
  for (const n of e.notes) text(`note: ${n}`);
  text(`prices as of ${e.pricing.as_of} (${e.pricing.source})`);
  return out.join("\n") + "\n";
}

// src/cli/progress.ts
function byteProgress(label, minBytes = 8 * 1024 * 1024) {
  if (!process.stderr.isTTY) return void 0;
  let last = 0;
  let drawn = false;
  let open = false;
  return {
    update(done, total) {
      if (total < minBytes) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const width = 30;
      const filled = Math.round(Math.min(done, total) / total * width);
      const mb = (b) => (b / 1048576).toFixed(0);
      process.stderr.write(`\r${label} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${mb(done)}/${mb(total)} MB`);
      drawn = true;
      open = done < total;
      if (!open) process.stderr.write("\n");
    },
    finish() {
      if (drawn && open) process.stderr.write("\n");
      open = false;
    }
  };
}

// src/cli/errors.ts
var USER_ERRORS = /* @__PURE__ */ new Set([
  "RequestFileError",
  "PricingError",
  "DurationError",
  "UnknownModelError",
  "UsageError",
  "InvalidArgumentError",
  "CommanderError",
  "DataFileError",
  "TemplateError",
  "JoinError",
  "PricingFileError",
  "MaxCostError",
  "RunStateError",
  "ActionInputError"
]);
function isUserError(err) {
  return err instanceof Error && USER_ERRORS.has(err.name);
}
var FILE_ERRORS = {
  ENOENT: "no such file or directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "is a directory, not a file",
  ENOTDIR: "a part of the path is not a directory",
  EEXIST: "a file is in the way",
  ENOSPC: "no space left on the device",
  EROFS: "read-only file system"
};
function reportFailure(err) {
  const code = err?.code;
  const path2 = err?.path;
  if (typeof code === "string" && code in FILE_ERRORS && typeof path2 === "string") {
    process.stderr.write(`batchwise: cannot use ${path2}: ${FILE_ERRORS[code]}
`);
  } else if (isUserError(err)) {
    process.stderr.write(`batchwise: ${err.message}
`);
  } else {
    process.stderr.write(`batchwise: internal error (please report it)
${err instanceof Error ? err.stack : String(err)}
`);
  }
  return 1;
}

// src/cli/args.ts
function numberArg(min, max, integer = false) {
  return (value) => {
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n) || n < min || n > max || integer && !Number.isInteger(n)) {
      throw new InvalidArgumentError(`expected ${integer ? "a whole number" : "a number"} from ${min} to ${max}`);
    }
    return n;
  };
}
var usdArg = numberArg(0, 1e9);
var countArg = numberArg(0, 1e9, true);

// src/cli/estimate.ts
function addEstimateCommand(program3) {
  program3.command("estimate").description("count input tokens exactly and price the file in sync, flex and batch mode").argument("<file>", "request file in the Batch API JSONL format").addOption(new Option("--format <format>", "output format").choices(["table", "markdown", "json", "csv"]).default("table")).option("--detail", "list every request (json items, csv rows)").option("--pricing <file>", "JSON file that adds or overrides model prices").option("--latency-budget <duration>", "how long you can wait for answers, e.g. 30m, 6h, 2d (default 24h)").option("--min-savings <usd>", "recommend sync when batch saves no more than this (USD, default 0.01)", usdArg).option("--workers <n>", "worker threads for large files, 0 for none (default: one per core)", numberArg(0, 32, true)).action(async (file, flags) => {
    process.exitCode = await runEstimate(file, flags);
  });
}
async function runEstimate(file, flags) {
  const progress = byteProgress("estimating");
  try {
    const estimate = await estimateFile(file, {
      catalog: loadCatalog(flags.pricing),
      detail: flags.detail,
      latencyBudgetMs: flags.latencyBudget ? parseDuration(flags.latencyBudget, "--latency-budget") : void 0,
      minSavingsUsd: flags.minSavings,
      workers: flags.workers,
      onProgress: progress?.update,
      displayName: file
    });
    const render = {
      json: () => JSON.stringify(estimateToJson(estimate), null, 2) + "\n",
      csv: () => estimateToCsv(estimate),
      markdown: () => renderEstimateMarkdown(estimate),
      table: () => renderEstimateTable(estimate)
    }[flags.format];
    process.stdout.write(render());
    return 0;
  } catch (err) {
    progress?.finish();
    return reportFailure(err);
  }
}

// src/cli/runOutput.ts
function describeSummary(s) {
  const lines = [
    `decision: ${s.decision.mode} \u2014 ${s.decision.reason}`,
    `${s.succeeded} of ${s.requests} requests succeeded` + (s.failed + s.expired + s.cancelled + s.skipped > 0 ? ` (${s.failed} failed, ${s.expired} expired, ${s.cancelled} cancelled, ${s.skipped} skipped)` : ""),
    `cost: ${formatUsd(s.actual_cost_usd)} actual; estimated ${formatUsd(s.estimated_cost_usd.expected)} (${s.decision.mode}), ${formatUsd(s.estimate.cost.sync.expected)} had it all run sync`
  ];
  if (s.batch_ids.length > 0) lines.push(`batches: ${s.batch_ids.join(", ")}`);
  lines.push(`results: ${s.results_path}`, `         ${s.results_csv_path}`, `report:  ${s.report_md_path}`, `         ${s.report_json_path}`);
  return lines.join("\n") + "\n";
}
function reportRunFailure(err, apiKey) {
  if (err instanceof Error) {
    err.message = redactSecrets(err.message, apiKey);
    if (err.stack) err.stack = redactSecrets(err.stack, apiKey);
    if (err.name === "AbortError") {
      process.stderr.write("batchwise: interrupted; run the same command again to continue where it stopped\n");
      return 1;
    }
    if (err instanceof OpenAI.APIError) {
      process.stderr.write(`batchwise: the API refused: ${err.message}
`);
      return 1;
    }
  }
  return reportFailure(err);
}

// src/cli/run.ts
function addRunCommand(program3) {
  program3.command("run").description("run a request file to the end (batch, flex or sync), resumable, and write results and a report").argument("<file>", "request file in the Batch API JSONL format").addOption(new Option("--mode <mode>", "how to run it").choices(["auto", "batch", "flex", "sync"]).default("auto")).requiredOption("--out <dir>", "folder for results, report and state (run again with the same folder to resume)").option("--latency-budget <duration>", "how long you can wait for answers, e.g. 30m, 6h (default 24h)").option("--max-cost <usd>", "refuse to start when the worst case is above this (USD)", usdArg).option("--min-savings <usd>", "auto: use sync when batch saves no more than this (USD, default 0.01)", usdArg).option("--retries <n>", "retry rounds for requests that failed in a retryable way (default 2)", countArg).option("--pricing <file>", "JSON file that adds or overrides model prices").option("--rpm <n>", "your requests-per-minute limit (sync and flex; default: read from the API)", countArg).option("--tpm <n>", "your tokens-per-minute limit (sync and flex; default: read from the API)", countArg).option("--concurrency <n>", "sync and flex requests in flight at most (default 16)", countArg).option("--no-flex-fallback", "flex without capacity: fail instead of using the standard tier").option("--poll-interval <min,max>", "batch polling, e.g. 2s,60s (default)").option("--join <data>", "after the run, join the answers back into this table (.csv/.jsonl) as DIR/results.csv").option("--id-column <column>", "with --join: the id column the requests were prepared with (default: row-N)").option("--parse <how>", 'with --join: "json", or a regular expression whose named groups become columns').action(async (file, flags) => {
    process.exitCode = await runCommand(file, flags);
  });
}
function pollArg(text) {
  if (!text) return void 0;
  const [a, b] = text.split(",");
  const min = parseDuration(a, "--poll-interval");
  return { min, max: b ? parseDuration(b, "--poll-interval") : Math.max(min, 6e4) };
}
function progressBar() {
  if (!process.stderr.isTTY) return void 0;
  return (p) => {
    const width = 30;
    const done = p.completed + p.failed;
    const filled = p.total > 0 ? Math.round(done / p.total * width) : 0;
    const eta = p.eta_ms === null ? "" : ` ETA ${formatDuration(p.eta_ms)}`;
    process.stderr.write(`\r[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${p.total}${eta}   `);
    if (done >= p.total) process.stderr.write("\n");
  };
}
async function runCommand(file, flags) {
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    const summary = await runFile(file, {
      mode: flags.mode,
      outDir: flags.out,
      catalog: loadCatalog(flags.pricing),
      latencyBudgetMs: flags.latencyBudget ? parseDuration(flags.latencyBudget, "--latency-budget") : void 0,
      maxCostUsd: flags.maxCost,
      minSavingsUsd: flags.minSavings,
      retries: flags.retries,
      rpm: flags.rpm,
      tpm: flags.tpm,
      concurrency: flags.concurrency,
      flexFallback: flags.flexFallback,
      pollIntervalMs: pollArg(flags.pollInterval),
      githubRunId: process.env.GITHUB_RUN_ID,
      signal: controller.signal,
      log: (line) => process.stderr.write(`${line}
`),
      onProgress: progressBar()
    });
    process.stdout.write(describeSummary(summary));
    if (flags.join) {
      const joined = await joinResults({
        data: flags.join,
        results: summary.results_path,
        out: summary.results_csv_path,
        idColumn: flags.idColumn,
        parse: flags.parse,
        requests: file
      });
      process.stdout.write(renderJoinSummary(joined));
    }
    return summary.exit_code;
  } catch (err) {
    return reportRunFailure(err, process.env.OPENAI_API_KEY);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

// src/cli/status.ts
function renderStatus(r) {
  const out = [];
  if (r.run) {
    out.push(`run of ${r.run.input_file}: ${r.run.decision.mode} \u2014 ${r.run.decision.reason}`);
    out.push(`started ${r.run.started_at}${r.run.finished_at ? `, finished ${r.run.finished_at}` : ", not finished"}`);
    if (r.run.sync_phase) out.push(`rest sent with ${r.run.sync_phase.mode} since ${r.run.sync_phase.started_at}`);
  }
  if (r.batches.length === 0) out.push("no batches");
  for (const b of r.batches) {
    const c = b.request_counts;
    out.push(`${b.batch_id}${b.part ? ` (${b.part})` : ""}: ${b.status}, ${c.completed}/${c.total} completed, ${c.failed} failed`);
    for (const e of b.errors.slice(0, 5)) out.push(`  ${e.line !== null ? `line ${e.line}: ` : ""}${e.message} (${e.code})`);
  }
  return out.join("\n") + "\n";
}
function addStatusCommand(program3) {
  program3.command("status").description("show a run's batches (DIR) or one batch (BATCH_ID)").argument("<target>", "a run folder (--out of batchwise run) or a batch id").option("--json", "print JSON").action(async (target, flags) => {
    try {
      const r = await batchStatus(target);
      process.stdout.write(flags.json ? `${JSON.stringify(r, null, 2)}
` : renderStatus(r));
      process.exitCode = 0;
    } catch (err) {
      process.exitCode = reportRunFailure(err, process.env.OPENAI_API_KEY);
    }
  });
}

// src/cli/cancel.ts
function addCancelCommand(program3) {
  program3.command("cancel").description("cancel a run's running batches (DIR) or one batch (BATCH_ID)").argument("<target>", "a run folder (--out of batchwise run) or a batch id").action(async (target) => {
    try {
      const r = await cancelRun(target, { log: (l) => process.stderr.write(`${l}
`) });
      process.stdout.write(renderStatus(r));
      process.exitCode = 0;
    } catch (err) {
      process.exitCode = reportRunFailure(err, process.env.OPENAI_API_KEY);
    }
  });
}

// src/cli/demo.ts
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { tmpdir as tmpdir2 } from "node:os";
import { join as join5, relative } from "node:path";

// src/emulator/index.ts
import { createServer } from "node:http";
import { mkdtemp, rm as rm4 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join4 } from "node:path";

// src/emulator/batchService.ts
import { mkdir, rm } from "node:fs/promises";
import { join as join2 } from "node:path";

// src/emulator/apiError.ts
var ApiError = class extends Error {
  status;
  type;
  param;
  code;
  headers;
  constructor(status, message, fields = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.type = fields.type ?? "invalid_request_error";
    this.param = fields.param ?? null;
    this.code = fields.code ?? null;
    this.headers = fields.headers ?? {};
  }
  toBody() {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
};
function missingParameter(param) {
  return new ApiError(400, `Missing required parameter: '${param}'.`, { param, code: "missing_required_parameter" });
}
function invalidValue(param, value, supported) {
  const list2 = supported.map((s) => `'${s}'`).join(", ");
  return new ApiError(400, `Invalid value: '${String(value)}'. Supported values are: ${list2}.`, {
    param,
    code: "invalid_value"
  });
}
function invalidType(param, expected, got) {
  const kind = got === null ? "null" : Array.isArray(got) ? "an array" : `a ${typeof got}`;
  return new ApiError(400, `Invalid type for '${param}': expected ${expected}, but got ${kind} instead.`, {
    param,
    code: "invalid_type"
  });
}
function serverError() {
  return new ApiError(500, "The server had an error while processing your request. Sorry about that!", {
    type: "server_error"
  });
}
function checkIntRange(name, value, min, max) {
  if (value < min) {
    throw new ApiError(400, `Invalid '${name}': integer below minimum value. Expected a value >= ${min}, but got ${value} instead.`, {
      param: name,
      code: "integer_below_min_value"
    });
  }
  if (value > max) {
    throw new ApiError(400, `Invalid '${name}': integer above maximum value. Expected a value <= ${max}, but got ${value} instead.`, {
      param: name,
      code: "integer_above_max_value"
    });
  }
  return value;
}

// src/emulator/batchParams.ts
function readBatchParams(body) {
  for (const name of ["input_file_id", "endpoint", "completion_window"]) {
    if (body[name] === void 0 || body[name] === null) throw missingParameter(name);
  }
  if (typeof body.input_file_id !== "string") throw invalidType("input_file_id", "a string", body.input_file_id);
  if (!ENDPOINTS.includes(body.endpoint)) throw invalidValue("endpoint", body.endpoint, ENDPOINTS);
  if (body.completion_window !== "24h") throw invalidValue("completion_window", body.completion_window, ["24h"]);
  return {
    input_file_id: body.input_file_id,
    endpoint: body.endpoint,
    completion_window: "24h",
    metadata: readMetadata(body.metadata)
  };
}
function readMetadata(value) {
  if (value === void 0 || value === null) return null;
  if (typeof value !== "object" || Array.isArray(value)) throw invalidType("metadata", "an object", value);
  const entries = Object.entries(value);
  if (entries.length > 16) {
    throw new ApiError(
      400,
      `Invalid 'metadata': too many properties. Expected an object with at most 16 properties, but got an object with ${entries.length} properties instead.`,
      { param: "metadata", code: "object_above_max_properties" }
    );
  }
  for (const [key, v] of entries) {
    if (key.length > 64) {
      throw new ApiError(
        400,
        `Invalid 'metadata': string too long. Expected a string with maximum length 64, but got a string with length ${key.length} instead.`,
        { param: "metadata", code: "string_above_max_length" }
      );
    }
    if (typeof v !== "string") throw invalidType(`metadata.${key}`, "a string", v);
    if (v.length > 512) {
      throw new ApiError(
        400,
        `Invalid 'metadata.${key}': string too long. Expected a string with maximum length 512, but got a string with length ${v.length} instead.`,
        { param: `metadata.${key}`, code: "string_above_max_length" }
      );
    }
  }
  return { ...value };
}

// src/emulator/persist.ts
import { rename, writeFile, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
async function writeJsonAtomic(path2, data) {
  const tmp = `${path2}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(tmp, JSON.stringify(data));
  await rename(tmp, path2);
}
async function readJsonDir(dir) {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".json"));
  const out = [];
  for (const name of names) out.push(JSON.parse(await readFile(join(dir, name), "utf8")));
  return out;
}

// src/emulator/random.ts
import { createHash, randomBytes as randomBytes2 } from "node:crypto";
function hashUnit(seed, ...parts) {
  return hashBytes(seed, parts).readUInt32BE(0) / 4294967296;
}
function hashBytes(seed, parts) {
  const h = createHash("sha256");
  h.update(String(seed));
  for (const p of parts) {
    h.update("\0");
    h.update(String(p));
  }
  return h.digest();
}
function seededStream(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
function newId(prefix, length = 24) {
  const bytes = randomBytes2(length);
  let out = prefix;
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}
function newRequestId() {
  return `req_${randomBytes2(16).toString("hex")}`;
}

// src/emulator/tokens.ts
function encodingFor(model2) {
  try {
    return encodingNameForModel(model2);
  } catch {
    return "o200k_base";
  }
}
function promptTokens(endpoint, body) {
  const model2 = typeof body.model === "string" ? body.model : "";
  return countRequestTokens(endpoint, body, encodingFor(model2)).input_tokens;
}
function textTokens(text, model2) {
  return countText(text, encodingFor(model2));
}

// src/emulator/answers/params.ts
function requireModel(body) {
  const model2 = body.model;
  if (model2 === void 0 || model2 === null || model2 === "") {
    throw new ApiError(400, "you must provide a model parameter");
  }
  if (typeof model2 !== "string") throw invalidType("model", "a string", model2);
  return model2;
}
function requireField(body, name) {
  const value = body[name];
  if (value === void 0 || value === null) throw missingParameter(name);
  return value;
}
function optionalInt(body, name, min, max = Infinity) {
  const value = body[name];
  if (value === void 0 || value === null) return null;
  if (typeof value !== "number" || !Number.isInteger(value)) throw invalidType(name, "an integer", value);
  return checkIntRange(name, value, min, max);
}
function refuseStreaming(body) {
  if (body.stream === true) {
    throw new ApiError(400, "The batchwise emulator does not emulate streaming (stream: true).", { param: "stream" });
  }
}

// src/emulator/answers/text.ts
var WORDS = [
  "the",
  "batch",
  "request",
  "answer",
  "is",
  "ready",
  "and",
  "a",
  "model",
  "wrote",
  "this",
  "short",
  "reply",
  "for",
  "you",
  "with",
  "care",
  "every",
  "token",
  "counts",
  "here",
  "emulated",
  "output",
  "arrives",
  "later",
  "than",
  "sync",
  "but",
  "costs",
  "half",
  "as",
  "much",
  "in",
  "one",
  "line",
  "per",
  "custom",
  "id",
  "today",
  "results",
  "come",
  "back",
  "out",
  "of",
  "order",
  "so",
  "key",
  "them",
  "by",
  "name",
  "hello",
  "world",
  "window",
  "closes",
  "after",
  "day",
  "quiet",
  "server",
  "keeps",
  "its",
  "promise",
  "again"
];
var NOT_IN_KEY = /* @__PURE__ */ new Set(["max_tokens", "max_completion_tokens", "max_output_tokens", "service_tier", "stream", "user", "metadata", "store"]);
function answerKey(body) {
  return JSON.stringify(body, (k, v) => k !== "" && NOT_IN_KEY.has(k) ? void 0 : v);
}
function answerText2(seed, key, index) {
  const bytes = hashBytes(seed, ["answer", key, index]);
  const count = 5 + bytes[0] % 24;
  const words = [];
  for (let i = 0; i < count; i++) words.push(WORDS[bytes[1 + i] % WORDS.length]);
  const first = words[0];
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return `${words.join(" ")}.`;
}
function fitToBudget(text, maxTokens2, model2) {
  let tokens2 = textTokens(text, model2);
  if (maxTokens2 === null || tokens2 <= maxTokens2) return { text, tokens: tokens2, truncated: false };
  let words = text.slice(0, -1).split(" ");
  let cut = words.join(" ");
  tokens2 = textTokens(cut, model2);
  while (tokens2 > maxTokens2 && words.length > 1) {
    words = words.slice(0, -1);
    cut = words.join(" ");
    tokens2 = textTokens(cut, model2);
  }
  return { text: cut, tokens: tokens2, truncated: true };
}

// src/emulator/answers/chat.ts
function maxTokens(body) {
  return optionalInt(body, "max_completion_tokens", 1) ?? optionalInt(body, "max_tokens", 1);
}
function systemFingerprint(model2) {
  return `fp_${hashBytes(0, ["fingerprint", model2]).toString("hex").slice(0, 10)}`;
}
var chatEmulation = {
  endpoint: "/v1/chat/completions",
  check(body) {
    requireModel(body);
    const messages = requireField(body, "messages");
    if (!Array.isArray(messages)) throw invalidType("messages", "an array", messages);
    if (messages.length === 0) {
      throw new ApiError(400, "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.", {
        param: "messages",
        code: "empty_array"
      });
    }
    optionalInt(body, "n", 1, 128);
    maxTokens(body);
    refuseStreaming(body);
  },
  answer(body, ctx) {
    this.check(body);
    const model2 = body.model;
    const n = optionalInt(body, "n", 1, 128) ?? 1;
    const budget = maxTokens(body);
    const key = answerKey(body);
    let completion = 0;
    const choices = [];
    for (let index = 0; index < n; index++) {
      const fitted = fitToBudget(answerText2(ctx.seed, key, index), budget, model2);
      completion += fitted.tokens;
      choices.push({
        index,
        message: { role: "assistant", content: fitted.text, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: fitted.truncated ? "length" : "stop"
      });
    }
    const prompt = promptTokens("/v1/chat/completions", body);
    return {
      body: {
        id: newId("chatcmpl-", 29),
        object: "chat.completion",
        created: ctx.now,
        model: model2,
        choices,
        usage: {
          prompt_tokens: prompt,
          completion_tokens: completion,
          total_tokens: prompt + completion,
          prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
          completion_tokens_details: {
            reasoning_tokens: 0,
            audio_tokens: 0,
            accepted_prediction_tokens: 0,
            rejected_prediction_tokens: 0
          }
        },
        service_tier: body.service_tier === "flex" ? "flex" : "default",
        system_fingerprint: systemFingerprint(model2)
      },
      usage: { input_tokens: prompt, cached_tokens: 0, output_tokens: completion, reasoning_tokens: 0 }
    };
  },
  reservedOutputTokens(body) {
    return (maxTokens(body) ?? 0) * (optionalInt(body, "n", 1, 128) ?? 1);
  }
};

// src/emulator/answers/completions.ts
var DEFAULT_MAX_TOKENS = 16;
function prompts(body) {
  const prompt = requireField(body, "prompt");
  if (typeof prompt === "string") return [prompt];
  if (!Array.isArray(prompt)) throw invalidType("prompt", "a string or an array", prompt);
  return prompt.every((p) => typeof p === "number") ? [prompt] : prompt;
}
var completionsEmulation = {
  endpoint: "/v1/completions",
  check(body) {
    requireModel(body);
    prompts(body);
    optionalInt(body, "max_tokens", 0);
    optionalInt(body, "n", 1, 128);
    refuseStreaming(body);
  },
  answer(body, ctx) {
    this.check(body);
    const model2 = body.model;
    const n = optionalInt(body, "n", 1, 128) ?? 1;
    const budget = optionalInt(body, "max_tokens", 0) ?? DEFAULT_MAX_TOKENS;
    const key = answerKey(body);
    const choices = [];
    let completion = 0;
    const count = prompts(body).length * n;
    for (let index = 0; index < count; index++) {
      const fitted = fitToBudget(answerText2(ctx.seed, key, index), budget, model2);
      completion += fitted.tokens;
      choices.push({ text: fitted.text, index, logprobs: null, finish_reason: fitted.truncated ? "length" : "stop" });
    }
    const prompt = promptTokens("/v1/completions", body);
    return {
      body: {
        id: newId("cmpl-", 29),
        object: "text_completion",
        created: ctx.now,
        model: model2,
        choices,
        usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
        system_fingerprint: systemFingerprint(model2)
      },
      usage: { input_tokens: prompt, cached_tokens: 0, output_tokens: completion, reasoning_tokens: 0 }
    };
  },
  reservedOutputTokens(body) {
    return (optionalInt(body, "max_tokens", 0) ?? DEFAULT_MAX_TOKENS) * (optionalInt(body, "n", 1, 128) ?? 1);
  }
};

// src/emulator/answers/embeddings.ts
var NATIVE_DIMENSIONS = {
  "text-embedding-3-small": 1536,
  "text-embedding-3-large": 3072,
  "text-embedding-ada-002": 1536
};
function nativeDimensions(model2) {
  return NATIVE_DIMENSIONS[model2] ?? 1536;
}
function inputs(body) {
  const input = requireField(body, "input");
  if (typeof input === "string") return [input];
  if (!Array.isArray(input) || input.length === 0) throw invalidType("input", "a string or a non-empty array", input);
  if (input.every((x) => typeof x === "number")) return [JSON.stringify(input)];
  return input.map((x, i) => {
    if (typeof x === "string") return x;
    if (Array.isArray(x)) return JSON.stringify(x);
    throw invalidType(`input[${i}]`, "a string or an array of tokens", x);
  });
}
function dimensions(body, model2) {
  const native = nativeDimensions(model2);
  const asked = optionalInt(body, "dimensions", 1, native);
  if (asked === null) return native;
  if (model2 === "text-embedding-ada-002") {
    throw new ApiError(400, "This model does not support specifying dimensions.", { param: "dimensions" });
  }
  return asked;
}
function vector(seed, model2, text, dims) {
  const next = seededStream(Math.floor(hashUnit(seed, "embedding", model2, text) * 4294967296));
  const v = new Float32Array(dims);
  let norm = 0;
  for (let i = 0; i < dims; i++) {
    v[i] = next() * 2 - 1;
    norm += v[i] * v[i];
  }
  norm = Math.sqrt(norm);
  for (let i = 0; i < dims; i++) v[i] /= norm;
  return v;
}
function encodingFormat(body) {
  const format = body.encoding_format ?? "float";
  if (format !== "float" && format !== "base64") throw invalidValue("encoding_format", format, ["float", "base64"]);
  return format;
}
var embeddingsEmulation = {
  endpoint: "/v1/embeddings",
  check(body) {
    const model2 = requireModel(body);
    inputs(body);
    dimensions(body, model2);
    encodingFormat(body);
  },
  answer(body, ctx) {
    this.check(body);
    const model2 = body.model;
    const dims = dimensions(body, model2);
    const format = encodingFormat(body);
    const data = inputs(body).map((text, index) => {
      const v = vector(ctx.seed, model2, text, dims);
      const embedding = format === "base64" ? Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64") : Array.from(v);
      return { object: "embedding", index, embedding };
    });
    const prompt = promptTokens("/v1/embeddings", body);
    return {
      body: { object: "list", data, model: model2, usage: { prompt_tokens: prompt, total_tokens: prompt } },
      usage: { input_tokens: prompt, cached_tokens: 0, output_tokens: 0, reasoning_tokens: 0 }
    };
  },
  reservedOutputTokens() {
    return 0;
  }
};

// src/emulator/answers/moderations.ts
var CATEGORIES = [
  "harassment",
  "harassment/threatening",
  "hate",
  "hate/threatening",
  "illicit",
  "illicit/violent",
  "self-harm",
  "self-harm/intent",
  "self-harm/instructions",
  "sexual",
  "sexual/minors",
  "violence",
  "violence/graphic"
];
function inputs2(body) {
  const input = requireField(body, "input");
  if (typeof input === "string") return [input];
  if (!Array.isArray(input)) throw invalidType("input", "a string or an array", input);
  return input;
}
var moderationsEmulation = {
  endpoint: "/v1/moderations",
  check(body) {
    inputs2(body);
  },
  answer(body, ctx) {
    const items = inputs2(body);
    const model2 = typeof body.model === "string" ? body.model : "omni-moderation-latest";
    const results = items.map((item) => {
      const key = JSON.stringify(item);
      const categories = {};
      const scores = {};
      const applied = {};
      for (const c of CATEGORIES) {
        categories[c] = false;
        scores[c] = Number((hashUnit(ctx.seed, "moderation", key, c) * 1e-3).toFixed(8));
        applied[c] = ["text"];
      }
      return { flagged: false, categories, category_scores: scores, category_applied_input_types: applied };
    });
    return {
      body: { id: newId("modr-", 24), model: model2, results },
      usage: { input_tokens: 0, cached_tokens: 0, output_tokens: 0, reasoning_tokens: 0 }
    };
  },
  reservedOutputTokens() {
    return 0;
  }
};

// src/emulator/answers/responses.ts
var responsesEmulation = {
  endpoint: "/v1/responses",
  check(body) {
    requireModel(body);
    const input = requireField(body, "input");
    if (typeof input !== "string" && !Array.isArray(input)) throw invalidType("input", "a string or an array", input);
    optionalInt(body, "max_output_tokens", 16);
    refuseStreaming(body);
  },
  answer(body, ctx) {
    this.check(body);
    const model2 = body.model;
    const budget = optionalInt(body, "max_output_tokens", 16);
    const key = answerKey(body);
    const fitted = fitToBudget(answerText2(ctx.seed, key, 0), budget, model2);
    const input = promptTokens("/v1/responses", body);
    const output = fitted.tokens;
    const msgId = `msg_${hashBytes(ctx.seed, ["msg", key]).toString("hex").slice(0, 48)}`;
    return {
      body: {
        id: `resp_${newId("", 48).toLowerCase()}`,
        object: "response",
        created_at: ctx.now,
        status: fitted.truncated ? "incomplete" : "completed",
        background: false,
        error: null,
        incomplete_details: fitted.truncated ? { reason: "max_output_tokens" } : null,
        instructions: typeof body.instructions === "string" ? body.instructions : null,
        max_output_tokens: budget,
        model: model2,
        output: [
          {
            id: msgId,
            type: "message",
            status: fitted.truncated ? "incomplete" : "completed",
            role: "assistant",
            content: [{ type: "output_text", text: fitted.text, annotations: [], logprobs: [] }]
          }
        ],
        parallel_tool_calls: true,
        previous_response_id: null,
        reasoning: { effort: null, summary: null },
        service_tier: body.service_tier === "flex" ? "flex" : "default",
        store: body.store !== false,
        temperature: typeof body.temperature === "number" ? body.temperature : 1,
        text: { format: { type: "text" }, verbosity: "medium" },
        tool_choice: "auto",
        tools: [],
        top_p: typeof body.top_p === "number" ? body.top_p : 1,
        truncation: "disabled",
        usage: {
          input_tokens: input,
          input_tokens_details: { cached_tokens: 0 },
          output_tokens: output,
          output_tokens_details: { reasoning_tokens: 0 },
          total_tokens: input + output
        },
        user: null,
        metadata: {}
      },
      usage: { input_tokens: input, cached_tokens: 0, output_tokens: output, reasoning_tokens: 0 }
    };
  },
  reservedOutputTokens(body) {
    return optionalInt(body, "max_output_tokens", 16) ?? 0;
  }
};

// src/emulator/answers/index.ts
var EMULATIONS = {
  "/v1/chat/completions": chatEmulation,
  "/v1/responses": responsesEmulation,
  "/v1/embeddings": embeddingsEmulation,
  "/v1/completions": completionsEmulation,
  "/v1/moderations": moderationsEmulation
};
function emulationFor(endpoint) {
  return EMULATIONS[endpoint];
}

// src/emulator/lineFate.ts
function lineFate(seed, failRate, ordinal, endpoint, customId, body) {
  const at = 1 - hashUnit(seed, "finish", ordinal, customId);
  try {
    emulationFor(endpoint).check(body);
  } catch (err) {
    if (err instanceof ApiError) return { at, failure: err };
    throw err;
  }
  if (failRate > 0 && hashUnit(seed, "fail", ordinal, customId) < failRate) {
    return { at, failure: injectedFailure(hashUnit(seed, "kind", ordinal, customId), endpoint, body) };
  }
  return { at, failure: null };
}
function injectedFailure(kind, endpoint, body) {
  const model2 = typeof body.model === "string" ? body.model : "unknown";
  if (kind < 0.5) return serverError();
  if (kind < 0.83) {
    return new ApiError(
      429,
      `Rate limit reached for ${model2} in organization org-emulator on tokens per min (TPM): Limit 200000, Used 199500, Requested 1200. Please try again in 210ms. Visit https://platform.openai.com/account/rate-limits to learn more.`,
      { type: "tokens", code: "rate_limit_exceeded" }
    );
  }
  const param = endpoint === "/v1/chat/completions" ? "messages" : endpoint === "/v1/completions" ? "prompt" : "input";
  return new ApiError(
    400,
    `This model's maximum context length is 128000 tokens. However, your messages resulted in 131072 tokens. Please reduce the length of the messages.`,
    { param, code: "context_length_exceeded" }
  );
}

// src/emulator/scanBatchInput.ts
var MAX_LINES = 5e4;
var ERROR_CAP = 1e3;
async function scanBatchInput(o) {
  const errors = [];
  const report = (e) => {
    if (errors.length < ERROR_CAP) errors.push(e);
  };
  const seen = /* @__PURE__ */ new Set();
  const success = [];
  const failure = [];
  let lines = 0;
  let model2 = null;
  let inputTokens = 0;
  for await (const raw of readJsonlLines(o.path)) {
    o.signal?.throwIfAborted();
    lines++;
    if (lines > MAX_LINES) continue;
    const line = raw.line;
    let parsed;
    try {
      parsed = raw.invalidUtf8 ? void 0 : JSON.parse(raw.text);
    } catch {
      parsed = void 0;
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
      report({ code: "invalid_json_line", line, message: "This line is not parseable as valid JSON.", param: null });
      continue;
    }
    const req = parsed;
    const before = errors.length;
    for (const field of ["custom_id", "method", "url", "body"]) {
      if (req[field] === void 0 || req[field] === null) {
        report({ code: "missing_required_parameter", line, message: `Missing required parameter: '${field}'.`, param: field });
      }
    }
    const customId = req.custom_id;
    if (customId !== void 0 && customId !== null && typeof customId !== "string") {
      report({ code: "invalid_type", line, message: "Invalid type for 'custom_id': expected a string.", param: "custom_id" });
    }
    if (typeof customId === "string") {
      if (seen.has(customId)) {
        report({
          code: "duplicate_custom_id",
          line,
          message: "The custom_id for this request is a duplicate of another request. The custom_id parameter must be unique for each individual request in a batch.",
          param: "custom_id"
        });
      }
      seen.add(customId);
    }
    if (req.method !== void 0 && req.method !== null && req.method !== "POST") {
      report({ code: "invalid_method", line, message: `The method '${String(req.method)}' is not supported. Only POST is supported.`, param: "method" });
    }
    if (typeof req.url === "string" && req.url !== o.endpoint) {
      report({
        code: "url_mismatch",
        line,
        message: `The provided URL '${req.url}' does not match the endpoint of the batch '${o.endpoint}'.`,
        param: "url"
      });
    }
    const body = req.body;
    if (body !== void 0 && body !== null && (typeof body !== "object" || Array.isArray(body))) {
      report({ code: "invalid_type", line, message: "Invalid type for 'body': expected an object.", param: "body" });
    }
    if (body && typeof body === "object" && !Array.isArray(body)) {
      const m = body.model;
      if (typeof m === "string") {
        if (model2 === null) model2 = m;
        else if (m !== model2) {
          report({
            code: "model_mismatch",
            line,
            message: `The provided model '${m}' does not match the model '${model2}' of the other requests in this file. Each input file can only include requests to a single model.`,
            param: "body.model"
          });
        }
      } else if (o.endpoint !== "/v1/moderations") {
        report({ code: "missing_required_parameter", line, message: "Missing required parameter: 'body.model'.", param: "body.model" });
      }
    }
    if (errors.length > before || errors.length >= ERROR_CAP) continue;
    const b = body;
    const fate = lineFate(o.seed, o.failRate, o.ordinal, o.endpoint, customId, b);
    (fate.failure ? failure : success).push(fate.at);
    if (o.countTokens) inputTokens += promptTokens(o.endpoint, b);
  }
  if (lines === 0) errors.push({ code: "empty_file", line: null, message: "The batch input file is empty.", param: null });
  if (lines > MAX_LINES) {
    errors.unshift({
      code: "too_many_tasks",
      line: null,
      message: `The batch input file contains ${lines.toLocaleString("en-US")} requests; the maximum is ${MAX_LINES.toLocaleString("en-US")}.`,
      param: null
    });
  }
  return {
    total: lines,
    model: model2,
    inputTokens,
    successAt: Float64Array.from(success).sort(),
    failureAt: Float64Array.from(failure).sort(),
    errors
  };
}
function countUpTo(sorted, f) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (sorted[mid] <= f) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// src/emulator/writeBatchResults.ts
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { randomBytes as randomBytes3 } from "node:crypto";
var UNFINISHED = {
  batch_expired: "This request could not be executed before the completion window expired.",
  batch_cancelled: "This request could not be executed before the batch was cancelled."
};
var SHUFFLE_WINDOW = 256;
var ShuffledWriter = class {
  stream;
  random;
  pending = [];
  lines = 0;
  constructor(path2, random) {
    this.stream = createWriteStream(path2);
    this.random = random;
  }
  async add(line) {
    this.pending.push(line);
    this.lines++;
    if (this.pending.length >= SHUFFLE_WINDOW) await this.flush();
  }
  async flush() {
    const p = this.pending;
    for (let i = p.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      [p[i], p[j]] = [p[j], p[i]];
    }
    this.pending = [];
    if (!this.stream.write(p.join(""))) await once(this.stream, "drain");
  }
  async close() {
    await this.flush();
    this.stream.end();
    await once(this.stream, "finish");
  }
};
function requestId() {
  return randomBytes3(16).toString("hex");
}
async function writeBatchResults(o) {
  const random = seededStream(Math.floor(hashUnit(o.seed, "shuffle", o.ordinal) * 4294967296));
  const output = new ShuffledWriter(o.outputPath, random);
  const errors = new ShuffledWriter(o.errorPath, random);
  const usage = { input_tokens: 0, cached_tokens: 0, output_tokens: 0, reasoning_tokens: 0 };
  let completed = 0;
  let failed = 0;
  let unfinished = 0;
  const emulation = emulationFor(o.endpoint);
  try {
    for await (const raw of readJsonlLines(o.inputPath)) {
      o.signal?.throwIfAborted();
      const req = JSON.parse(raw.text);
      const fate = lineFate(o.seed, o.failRate, o.ordinal, o.endpoint, req.custom_id, req.body);
      const id = newId("batch_req_", 32);
      if (fate.at > o.cutoff) {
        unfinished++;
        const error = { code: o.unfinishedCode, message: UNFINISHED[o.unfinishedCode] };
        await errors.add(`${JSON.stringify({ id, custom_id: req.custom_id, response: null, error })}
`);
        continue;
      }
      let failure = fate.failure;
      let answerBody = null;
      if (!failure) {
        try {
          const answer = emulation.answer(req.body, { seed: o.seed, now: o.now });
          answerBody = answer.body;
          usage.input_tokens += answer.usage.input_tokens;
          usage.cached_tokens += answer.usage.cached_tokens;
          usage.output_tokens += answer.usage.output_tokens;
          usage.reasoning_tokens += answer.usage.reasoning_tokens;
        } catch (err) {
          if (!(err instanceof ApiError)) throw err;
          failure = err;
        }
      }
      if (failure) {
        failed++;
        const response = { status_code: failure.status, request_id: requestId(), body: failure.toBody() };
        await errors.add(`${JSON.stringify({ id, custom_id: req.custom_id, response, error: null })}
`);
      } else {
        completed++;
        const response = { status_code: 200, request_id: requestId(), body: answerBody };
        await output.add(`${JSON.stringify({ id, custom_id: req.custom_id, response, error: null })}
`);
      }
    }
  } finally {
    await output.close();
    await errors.close();
  }
  return { completed, failed, unfinished, usage };
}

// src/emulator/batchService.ts
var DAY_MS = 864e5;
var FINISHED = /* @__PURE__ */ new Set(["completed", "failed", "expired", "cancelled"]);
var ENQUEUED = /* @__PURE__ */ new Set(["in_progress", "finalizing", "cancelling"]);
var seconds = (ms) => Math.floor(ms / 1e3);
var BatchService = class {
  cfg;
  files;
  dir;
  /** Insertion order is creation order. */
  records = /* @__PURE__ */ new Map();
  plans = /* @__PURE__ */ new Map();
  scanning = /* @__PURE__ */ new Set();
  finishing = /* @__PURE__ */ new Map();
  writes = /* @__PURE__ */ new Map();
  work = /* @__PURE__ */ new Set();
  abort = new AbortController();
  timer = null;
  ordinal = 0;
  constructor(cfg, files, dir) {
    this.cfg = cfg;
    this.files = files;
    this.dir = join2(dir, "batches");
  }
  async open() {
    await mkdir(this.dir, { recursive: true });
    const stored = await readJsonDir(this.dir);
    stored.sort((a, b) => a.internals.ordinal - b.internals.ordinal);
    for (const r of stored) {
      this.records.set(r.batch.id, r);
      this.ordinal = Math.max(this.ordinal, r.internals.ordinal);
    }
    for (const r of this.records.values()) {
      const running = r.batch.status === "in_progress" || r.batch.status === "cancelling" && r.internals.inProgressMs !== null;
      const file = this.files.get(r.batch.input_file_id);
      if (!running || !file) continue;
      this.plans.set(r.batch.id, await this.scan(r, file.id, false));
    }
    this.timer = setInterval(() => this.advanceAll(), 20);
    this.timer.unref();
  }
  async close() {
    if (this.timer) clearInterval(this.timer);
    this.abort.abort();
    await Promise.allSettled([...this.work]);
    await Promise.allSettled([...this.writes.values()]);
  }
  create(body) {
    const params = readBatchParams(body);
    const file = this.files.get(params.input_file_id);
    if (!file) {
      throw new ApiError(404, `No such File object: ${params.input_file_id}`, { param: "input_file_id" });
    }
    if (file.purpose !== "batch") {
      throw new ApiError(400, `Invalid 'input_file_id': file ${file.id} has purpose '${file.purpose}', but a batch needs a file with purpose 'batch'.`, {
        param: "input_file_id"
      });
    }
    const now = Date.now();
    const created = seconds(now);
    const batch = {
      id: newId("batch_", 24),
      object: "batch",
      endpoint: params.endpoint,
      model: null,
      errors: null,
      input_file_id: params.input_file_id,
      completion_window: "24h",
      status: "validating",
      output_file_id: null,
      error_file_id: null,
      created_at: created,
      in_progress_at: null,
      expires_at: created + 86400,
      finalizing_at: null,
      completed_at: null,
      failed_at: null,
      expired_at: null,
      cancelling_at: null,
      cancelled_at: null,
      request_counts: { total: 0, completed: 0, failed: 0 },
      metadata: params.metadata,
      usage: zeroUsage()
    };
    const record = {
      batch,
      internals: {
        ordinal: ++this.ordinal,
        endpoint: params.endpoint,
        createdMs: now,
        inProgressMs: null,
        cancellingMs: null,
        finalizingMs: null,
        expireAtMs: now + (this.cfg.expireAfterMs ?? DAY_MS),
        completeAfterMs: this.cfg.completeAfterMs,
        seed: this.cfg.seed,
        failRate: this.cfg.failRate,
        inputTokens: 0
      }
    };
    this.records.set(batch.id, record);
    this.persist(record);
    this.advance(record, now);
    return structuredClone(batch);
  }
  retrieve(id) {
    const record = this.find(id);
    this.advance(record, Date.now());
    return structuredClone(record.batch);
  }
  list(limit, after) {
    const now = Date.now();
    const newest = [...this.records.values()].reverse();
    let start = 0;
    if (after !== null) {
      const at = newest.findIndex((r) => r.batch.id === after);
      start = at === -1 ? newest.length : at + 1;
    }
    const page = newest.slice(start, start + limit);
    for (const r of page) this.advance(r, now);
    const data = page.map((r) => structuredClone(r.batch));
    return {
      object: "list",
      data,
      first_id: data[0]?.id ?? null,
      last_id: data.at(-1)?.id ?? null,
      has_more: start + limit < newest.length
    };
  }
  cancel(id) {
    const record = this.find(id);
    const now = Date.now();
    this.advance(record, now);
    const b = record.batch;
    if (FINISHED.has(b.status) || b.status === "finalizing") {
      throw new ApiError(409, `Cannot cancel a batch with status '${b.status}'.`);
    }
    if (b.status !== "cancelling") {
      b.status = "cancelling";
      b.cancelling_at = seconds(now);
      record.internals.cancellingMs = now;
      this.persist(record);
    }
    return structuredClone(b);
  }
  find(id) {
    const record = this.records.get(id);
    if (!record) throw new ApiError(404, `No batch found with id '${id}'.`);
    return record;
  }
  advanceAll() {
    const now = Date.now();
    for (const r of this.records.values()) if (!FINISHED.has(r.batch.status)) this.advance(r, now);
  }
  /** Moves a batch as far as time and finished background work allow. */
  advance(record, now) {
    if (this.abort.signal.aborted) return;
    const b = record.batch;
    const i = record.internals;
    switch (b.status) {
      case "validating": {
        const plan = this.planFor(record);
        if (!plan || now < i.createdMs + this.cfg.validateMs) return;
        if (plan.errors.length > 0) return this.fail(record, plan.errors, now);
        const queueError = this.queueError(record, plan);
        if (queueError) return this.fail(record, [queueError], now);
        b.status = "in_progress";
        b.in_progress_at = seconds(now);
        b.model = plan.model;
        b.request_counts.total = plan.total;
        i.inProgressMs = now;
        i.inputTokens = plan.inputTokens;
        this.persist(record);
        return;
      }
      case "in_progress": {
        const plan = this.planFor(record);
        const started = i.inProgressMs;
        if (i.expireAtMs !== null && now >= i.expireAtMs) {
          if (plan) this.setCounts(record, plan, this.fractionAt(record, i.expireAtMs));
          return this.finish(record, "expired", this.fractionAt(record, i.expireAtMs), now);
        }
        if (now >= started + i.completeAfterMs) {
          b.status = "finalizing";
          b.finalizing_at = seconds(now);
          i.finalizingMs = now;
          if (plan) this.setCounts(record, plan, 1);
          this.persist(record);
          return this.finish(record, "completed", 1, now);
        }
        if (plan) this.setCounts(record, plan, this.fractionAt(record, now));
        return;
      }
      case "finalizing":
        if (now < (i.finalizingMs ?? 0) + this.cfg.finalizeMs) return;
        return this.finish(record, "completed", 1, now);
      case "cancelling": {
        const cancelledMs = i.cancellingMs;
        if (i.inProgressMs === null) {
          if (now < cancelledMs + this.cfg.finalizeMs) return;
          b.status = "cancelled";
          b.cancelled_at = seconds(now);
          this.persist(record);
          return;
        }
        const plan = this.planFor(record);
        if (plan) this.setCounts(record, plan, this.fractionAt(record, cancelledMs));
        if (now < cancelledMs + this.cfg.finalizeMs) return;
        return this.finish(record, "cancelled", this.fractionAt(record, cancelledMs), now);
      }
      default:
        return;
    }
  }
  fractionAt(record, ms) {
    const i = record.internals;
    return Math.min(1, Math.max(0, (ms - i.inProgressMs) / Math.max(1, i.completeAfterMs)));
  }
  setCounts(record, plan, fraction) {
    record.batch.request_counts.completed = countUpTo(plan.successAt, fraction);
    record.batch.request_counts.failed = countUpTo(plan.failureAt, fraction);
  }
  fail(record, errors, now) {
    record.batch.status = "failed";
    record.batch.failed_at = seconds(now);
    record.batch.errors = { object: "list", data: errors };
    this.plans.delete(record.batch.id);
    this.persist(record);
  }
  /** "Enqueued token limit reached…": the batch's input tokens plus those of the model's running batches. */
  queueError(record, plan) {
    const limit = this.cfg.queueLimit;
    if (limit === null || plan.model === null) return null;
    let enqueued = 0;
    for (const r of this.records.values()) {
      if (r !== record && ENQUEUED.has(r.batch.status) && r.batch.model === plan.model) enqueued += r.internals.inputTokens;
    }
    if (enqueued + plan.inputTokens <= limit) return null;
    return {
      code: "token_limit_exceeded",
      line: null,
      param: null,
      message: `Enqueued token limit reached for ${plan.model} in organization org-emulator. Limit: ${limit.toLocaleString("en-US")} enqueued tokens. Please try again once some in_progress batches have been completed.`
    };
  }
  /** The run plan, or null while the input is being scanned (the scan starts here, also after a restart). */
  planFor(record) {
    const id = record.batch.id;
    const plan = this.plans.get(id);
    if (plan) return plan;
    if (this.scanning.has(id)) return null;
    this.scanning.add(id);
    const file = this.files.get(record.batch.input_file_id);
    const job = (async () => {
      if (!file) {
        return {
          total: 0,
          model: null,
          inputTokens: 0,
          successAt: new Float64Array(),
          failureAt: new Float64Array(),
          errors: [{ code: "file_not_found", line: null, param: "input_file_id", message: `No such File object: ${record.batch.input_file_id}` }]
        };
      }
      return this.scan(record, file.id, this.cfg.queueLimit !== null);
    })();
    this.track(
      job.then((p) => {
        this.plans.set(id, p);
        this.scanning.delete(id);
        this.advance(record, Date.now());
      })
    );
    return null;
  }
  scan(record, fileId, countTokens) {
    return scanBatchInput({
      path: this.files.bodyPath(fileId),
      endpoint: record.internals.endpoint,
      seed: record.internals.seed,
      failRate: record.internals.failRate,
      ordinal: record.internals.ordinal,
      countTokens,
      signal: this.abort.signal
    });
  }
  /** Writes the result files once, then ends the batch when they are ready. */
  finish(record, ending, cutoff, now) {
    const b = record.batch;
    const running = this.finishing.get(b.id);
    if (running) {
      if (running.result) this.applyEnding(record, running.ending, running.result, now);
      return;
    }
    const state = { ending, result: null };
    this.finishing.set(b.id, state);
    const file = this.files.get(b.input_file_id);
    const outputPath = this.files.tempPath();
    const errorPath = this.files.tempPath();
    const unfinishedCode = ending === "expired" ? "batch_expired" : "batch_cancelled";
    const job = (async () => {
      const summary = file ? await writeBatchResults({
        inputPath: this.files.bodyPath(file.id),
        outputPath,
        errorPath,
        endpoint: record.internals.endpoint,
        seed: record.internals.seed,
        failRate: record.internals.failRate,
        ordinal: record.internals.ordinal,
        cutoff,
        unfinishedCode,
        now: seconds(now),
        signal: this.abort.signal
      }) : { completed: 0, failed: 0, unfinished: 0, usage: { input_tokens: 0, cached_tokens: 0, output_tokens: 0, reasoning_tokens: 0 } };
      const output = summary.completed > 0 ? await this.files.adopt(outputPath, `${b.id}_output.jsonl`, "batch_output") : null;
      const errors = summary.failed + summary.unfinished > 0 ? await this.files.adopt(errorPath, `${b.id}_error.jsonl`, "batch_output") : null;
      await rm(outputPath, { force: true });
      await rm(errorPath, { force: true });
      return { summary, outputFileId: output?.id ?? null, errorFileId: errors?.id ?? null };
    })();
    this.track(
      job.then((result) => {
        state.result = result;
        this.advance(record, Date.now());
      })
    );
  }
  applyEnding(record, ending, result, now) {
    const b = record.batch;
    const { summary } = result;
    b.output_file_id = result.outputFileId;
    b.error_file_id = result.errorFileId;
    b.request_counts.completed = summary.completed;
    b.request_counts.failed = summary.failed;
    b.usage = {
      input_tokens: summary.usage.input_tokens,
      input_tokens_details: { cached_tokens: summary.usage.cached_tokens },
      output_tokens: summary.usage.output_tokens,
      output_tokens_details: { reasoning_tokens: summary.usage.reasoning_tokens },
      total_tokens: summary.usage.input_tokens + summary.usage.output_tokens
    };
    b.status = ending;
    if (ending === "completed") b.completed_at = seconds(now);
    if (ending === "expired") b.expired_at = seconds(now);
    if (ending === "cancelled") b.cancelled_at = seconds(now);
    this.finishing.delete(b.id);
    this.plans.delete(b.id);
    this.persist(record);
  }
  /** Background work: its failure is logged, never an unhandled rejection; close() waits for it. */
  track(p) {
    const guarded = p.catch((err) => {
      if (!this.abort.signal.aborted) this.cfg.log(`emulator: background batch work failed: ${String(err)}`);
    });
    this.work.add(guarded);
    void guarded.finally(() => this.work.delete(guarded));
  }
  /** Writes are chained per batch so that an older state never lands after a newer one. */
  persist(record) {
    const id = record.batch.id;
    const snapshot = structuredClone(record);
    const previous = this.writes.get(id) ?? Promise.resolve();
    const next = previous.then(() => writeJsonAtomic(join2(this.dir, `${id}.json`), snapshot));
    const settled = next.catch((err) => this.cfg.log(`emulator: could not save ${id}: ${String(err)}`));
    this.writes.set(id, settled);
    void settled.finally(() => {
      if (this.writes.get(id) === settled) this.writes.delete(id);
    });
  }
};
function zeroUsage() {
  return {
    input_tokens: 0,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: 0,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: 0
  };
}

// src/emulator/fileStore.ts
import { mkdir as mkdir2, rename as rename2, rm as rm2, stat } from "node:fs/promises";
import { join as join3 } from "node:path";
import { randomBytes as randomBytes4 } from "node:crypto";
var THIRTY_DAYS_S = 30 * 86400;
var FileStore = class {
  dir;
  files = /* @__PURE__ */ new Map();
  seq = 0;
  constructor(dir) {
    this.dir = dir;
  }
  async open() {
    await mkdir2(join3(this.dir, "files"), { recursive: true });
    await rm2(join3(this.dir, "tmp"), { recursive: true, force: true });
    await mkdir2(join3(this.dir, "tmp"), { recursive: true });
    const stored = await readJsonDir(join3(this.dir, "files"));
    stored.sort((a, b) => a.seq - b.seq);
    for (const s of stored) {
      this.files.set(s.file.id, s);
      this.seq = Math.max(this.seq, s.seq);
    }
  }
  /** A fresh path to write a body to before it becomes a file (uploads, batch outputs). */
  tempPath() {
    return join3(this.dir, "tmp", `${randomBytes4(8).toString("hex")}.part`);
  }
  /** Turns a finished temp body into a File object. Batch files expire after 30 days, as the real API's do. */
  async adopt(tempPath, filename, purpose) {
    const id = newId("file-", 22);
    const { size } = await stat(tempPath);
    await rename2(tempPath, this.bodyPath(id));
    const now = Math.floor(Date.now() / 1e3);
    const expiring = purpose === "batch" || purpose === "batch_output";
    const file = {
      id,
      object: "file",
      bytes: size,
      created_at: now,
      expires_at: expiring ? now + THIRTY_DAYS_S : null,
      filename,
      purpose,
      status: "processed",
      status_details: null
    };
    const stored = { file, seq: ++this.seq };
    await writeJsonAtomic(this.metaPath(id), stored);
    this.files.set(id, stored);
    return file;
  }
  get(id) {
    return this.files.get(id)?.file;
  }
  /** Newest first, as GET /v1/files lists them by default. */
  listNewestFirst() {
    return [...this.files.values()].reverse().map((s) => s.file);
  }
  bodyPath(id) {
    return join3(this.dir, "files", `${id}.body`);
  }
  async delete(id) {
    if (!this.files.delete(id)) return false;
    await rm2(this.metaPath(id), { force: true });
    await rm2(this.bodyPath(id), { force: true });
    return true;
  }
  metaPath(id) {
    return join3(this.dir, "files", `${id}.json`);
  }
};

// src/emulator/rateLimiter.ts
var WINDOW_MS = 6e4;
var VISIT = "Visit https://platform.openai.com/account/rate-limits to learn more.";
var RateLimiter = class {
  rpm;
  tpm;
  windows = /* @__PURE__ */ new Map();
  constructor(rpm, tpm) {
    this.rpm = rpm;
    this.tpm = tpm;
  }
  get enabled() {
    return this.rpm !== null || this.tpm !== null;
  }
  /** Admits one request and returns the x-ratelimit-* headers, or throws the 429 (headers included). */
  take(model2, tokens2, now = Date.now()) {
    if (!this.enabled) return {};
    const entries = this.window(model2, now);
    const usedRequests = entries.length;
    const usedTokens = entries.reduce((sum, e) => sum + e.tokens, 0);
    if (this.rpm !== null && usedRequests + 1 > this.rpm) {
      const waitMs = entries[0].at + WINDOW_MS - now;
      throw this.limited(
        model2,
        `Rate limit reached for ${model2} in organization org-emulator on requests per min (RPM): Limit ${this.rpm}, Used ${usedRequests}, Requested 1. Please try again in ${formatGoDuration(waitMs)}. ${VISIT}`,
        "requests",
        waitMs,
        entries,
        now
      );
    }
    if (this.tpm !== null && tokens2 > this.tpm) {
      throw this.limited(
        model2,
        `Request too large for ${model2} in organization org-emulator on tokens per min (TPM): Limit ${this.tpm}, Requested ${tokens2}. The input or output tokens must be reduced in order to run successfully. ${VISIT}`,
        "tokens",
        null,
        entries,
        now
      );
    }
    if (this.tpm !== null && usedTokens + tokens2 > this.tpm) {
      let freed = 0;
      let waitMs = WINDOW_MS;
      for (const e of entries) {
        freed += e.tokens;
        if (usedTokens - freed + tokens2 <= this.tpm) {
          waitMs = e.at + WINDOW_MS - now;
          break;
        }
      }
      throw this.limited(
        model2,
        `Rate limit reached for ${model2} in organization org-emulator on tokens per min (TPM): Limit ${this.tpm}, Used ${usedTokens}, Requested ${tokens2}. Please try again in ${formatGoDuration(waitMs)}. ${VISIT}`,
        "tokens",
        waitMs,
        entries,
        now
      );
    }
    entries.push({ at: now, tokens: tokens2 });
    return this.headers(entries, now);
  }
  window(model2, now) {
    let entries = this.windows.get(model2);
    if (!entries) {
      entries = [];
      this.windows.set(model2, entries);
    }
    while (entries.length > 0 && entries[0].at + WINDOW_MS <= now) entries.shift();
    return entries;
  }
  /** reset-* is the time until the window is empty again ("until the limit resets to its initial state"). */
  headers(entries, now) {
    const out = {};
    const resetMs = entries.length > 0 ? entries[entries.length - 1].at + WINDOW_MS - now : 0;
    if (this.rpm !== null) {
      out["x-ratelimit-limit-requests"] = String(this.rpm);
      out["x-ratelimit-remaining-requests"] = String(Math.max(0, this.rpm - entries.length));
      out["x-ratelimit-reset-requests"] = formatGoDuration(resetMs);
    }
    if (this.tpm !== null) {
      const used = entries.reduce((sum, e) => sum + e.tokens, 0);
      out["x-ratelimit-limit-tokens"] = String(this.tpm);
      out["x-ratelimit-remaining-tokens"] = String(Math.max(0, this.tpm - used));
      out["x-ratelimit-reset-tokens"] = formatGoDuration(resetMs);
    }
    return out;
  }
  limited(_model, message, type, waitMs, entries, now) {
    const headers = this.headers(entries, now);
    if (waitMs !== null) headers["retry-after"] = String(Math.max(1, Math.ceil(waitMs / 1e3)));
    return new ApiError(429, message, { type, code: "rate_limit_exceeded", headers });
  }
};

// src/emulator/http.ts
var MAX_JSON_BYTES = 64 * 1024 * 1024;
function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text)
  });
  res.end(text);
}
function sendError(res, err, headers = {}) {
  sendJson(res, err.status, err.toBody(), { ...headers, ...err.headers });
}
async function readJsonBody(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_JSON_BYTES) throw new ApiError(413, "Request body too large.");
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  let parsed;
  try {
    parsed = text.length === 0 ? {} : JSON.parse(text);
  } catch {
    throw new ApiError(
      400,
      "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON. If you have trouble figuring out how to fix this, please contact us through our help center at help.openai.com.)"
    );
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new ApiError(400, "The request body must be a JSON object.");
  }
  return parsed;
}
function queryInt(query, name, fallback, min, max) {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value)) {
    throw new ApiError(400, `Invalid type for '${name}': expected an integer, but got a string instead.`, { param: name, code: "invalid_type" });
  }
  return checkIntRange(name, value, min, max);
}

// src/emulator/routes/batches.ts
var batchRoutes = [
  {
    method: "POST",
    pattern: /^\/v1\/batches$/,
    async handle(ctx, services) {
      const body = await readJsonBody(ctx.req);
      sendJson(ctx.res, 200, services.batches.create(body), ctx.headers);
    }
  },
  {
    method: "GET",
    pattern: /^\/v1\/batches$/,
    async handle(ctx, services) {
      const limit = queryInt(ctx.query, "limit", 20, 1, 100);
      sendJson(ctx.res, 200, services.batches.list(limit, ctx.query.get("after")), ctx.headers);
    }
  },
  {
    method: "GET",
    pattern: /^\/v1\/batches\/([^/]+)$/,
    async handle(ctx, services) {
      sendJson(ctx.res, 200, services.batches.retrieve(ctx.params[0]), ctx.headers);
    }
  },
  {
    method: "POST",
    pattern: /^\/v1\/batches\/([^/]+)\/cancel$/,
    async handle(ctx, services) {
      sendJson(ctx.res, 200, services.batches.cancel(ctx.params[0]), ctx.headers);
    }
  }
];

// src/emulator/routes/files.ts
var import_busboy = __toESM(require_lib(), 1);
import { createReadStream, createWriteStream as createWriteStream2 } from "node:fs";
import { rm as rm3 } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
var MB = 1024 * 1024;
var MAX_FILE_BYTES = 512 * MB;
var MAX_BATCH_FILE_BYTES = 200 * MB;
var UPLOAD_PURPOSES = ["assistants", "batch", "fine-tune", "vision", "user_data", "evals"];
function notFound(id) {
  return new ApiError(404, `No such File object: ${id}`, { param: "id" });
}
async function receiveUpload(ctx, services) {
  const upload2 = { purpose: null, filename: null, tempPath: null, tooLarge: false };
  let parser;
  try {
    parser = (0, import_busboy.default)({ headers: ctx.req.headers, limits: { fileSize: MAX_FILE_BYTES, files: 1 } });
  } catch {
    ctx.req.resume();
    throw new ApiError(400, "Invalid request: expected a multipart/form-data body with 'file' and 'purpose'.");
  }
  const writes = [];
  parser.on("field", (name, value) => {
    if (name === "purpose") upload2.purpose = value;
  });
  parser.on("file", (name, stream, info) => {
    if (name !== "file" || upload2.tempPath !== null) {
      stream.resume();
      return;
    }
    upload2.filename = info.filename ?? "file";
    upload2.tempPath = services.files.tempPath();
    stream.on("limit", () => {
      upload2.tooLarge = true;
    });
    writes.push(pipeline(stream, createWriteStream2(upload2.tempPath)));
  });
  const done = new Promise((resolve2, reject) => {
    parser.on("close", resolve2);
    parser.on("error", reject);
  });
  ctx.req.pipe(parser);
  try {
    await done;
    await Promise.all(writes);
  } catch {
    if (upload2.tempPath) await rm3(upload2.tempPath, { force: true });
    throw new ApiError(400, "The multipart body could not be read.");
  }
  return upload2;
}
var upload = {
  method: "POST",
  pattern: /^\/v1\/files$/,
  async handle(ctx, services) {
    const received = await receiveUpload(ctx, services);
    const discard = async () => {
      if (received.tempPath) await rm3(received.tempPath, { force: true });
    };
    try {
      if (received.tempPath === null || received.filename === null) throw missingParameter("file");
      if (received.purpose === null) throw missingParameter("purpose");
      if (!UPLOAD_PURPOSES.includes(received.purpose)) throw invalidValue("purpose", received.purpose, UPLOAD_PURPOSES);
      if (received.tooLarge) throw new ApiError(413, "File is too large. Individual files can be up to 512 MB.", { param: "file" });
      if (received.purpose === "batch") {
        if (!received.filename.toLowerCase().endsWith(".jsonl")) {
          throw new ApiError(400, "Invalid file format for Batch API. Must be .jsonl", { param: "file" });
        }
      }
    } catch (err) {
      await discard();
      throw err;
    }
    const file = await services.files.adopt(received.tempPath, received.filename, received.purpose);
    if (received.purpose === "batch" && file.bytes > MAX_BATCH_FILE_BYTES) {
      await services.files.delete(file.id);
      throw new ApiError(400, "File is too large for Batch API. The Batch API only supports .jsonl files up to 200 MB in size.", {
        param: "file"
      });
    }
    sendJson(ctx.res, 200, file, ctx.headers);
  }
};
var list = {
  method: "GET",
  pattern: /^\/v1\/files$/,
  async handle(ctx, services) {
    const limit = queryInt(ctx.query, "limit", 1e4, 1, 1e4);
    const purpose = ctx.query.get("purpose");
    const after = ctx.query.get("after");
    const order = ctx.query.get("order") ?? "desc";
    if (order !== "asc" && order !== "desc") throw invalidValue("order", order, ["asc", "desc"]);
    let all = services.files.listNewestFirst();
    if (order === "asc") all = all.reverse();
    if (purpose !== null) all = all.filter((f) => f.purpose === purpose);
    let start = 0;
    if (after !== null) {
      const at = all.findIndex((f) => f.id === after);
      start = at === -1 ? all.length : at + 1;
    }
    const data = all.slice(start, start + limit);
    sendJson(
      ctx.res,
      200,
      { object: "list", data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: start + limit < all.length },
      ctx.headers
    );
  }
};
var retrieve = {
  method: "GET",
  pattern: /^\/v1\/files\/([^/]+)$/,
  async handle(ctx, services) {
    const file = services.files.get(ctx.params[0]);
    if (!file) throw notFound(ctx.params[0]);
    sendJson(ctx.res, 200, file, ctx.headers);
  }
};
var content = {
  method: "GET",
  pattern: /^\/v1\/files\/([^/]+)\/content$/,
  async handle(ctx, services) {
    const file = services.files.get(ctx.params[0]);
    if (!file) throw notFound(ctx.params[0]);
    ctx.res.writeHead(200, {
      ...ctx.headers,
      "content-type": "application/octet-stream",
      "content-length": file.bytes,
      "content-disposition": `attachment; filename="${file.filename}"`
    });
    const path2 = services.files.bodyPath(file.id);
    if (ctx.dropMidway) {
      const half = Math.floor(file.bytes / 2);
      if (half > 0) await pipeline(createReadStream(path2, { end: half - 1 }), ctx.res, { end: false });
      ctx.req.socket.destroy();
      return;
    }
    await pipeline(createReadStream(path2), ctx.res);
  }
};
var remove = {
  method: "DELETE",
  pattern: /^\/v1\/files\/([^/]+)$/,
  async handle(ctx, services) {
    const id = ctx.params[0];
    if (!await services.files.delete(id)) throw notFound(id);
    sendJson(ctx.res, 200, { id, object: "file", deleted: true }, ctx.headers);
  }
};
var fileRoutes = [upload, list, content, retrieve, remove];

// src/emulator/routes/models.ts
var LISTED = ["gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "gpt-5-mini", "text-embedding-3-small", "text-embedding-3-large"];
function model(id) {
  return { id, object: "model", created: 1715367049, owned_by: "system" };
}
var modelRoutes = [
  {
    method: "GET",
    pattern: /^\/v1\/models$/,
    async handle(ctx) {
      sendJson(ctx.res, 200, { object: "list", data: LISTED.map(model) }, ctx.headers);
    }
  },
  {
    method: "GET",
    pattern: /^\/v1\/models\/(.+)$/,
    async handle(ctx) {
      sendJson(ctx.res, 200, model(decodeURIComponent(ctx.params[0])), ctx.headers);
    }
  }
];

// src/emulator/routes/sync.ts
import { setTimeout as sleep } from "node:timers/promises";
var FLEX_ENDPOINTS = /* @__PURE__ */ new Set(["/v1/chat/completions", "/v1/responses"]);
function flexUnavailable() {
  return new ApiError(429, "Resource unavailable: flex processing has no capacity for this request right now. Please retry later or use the default service tier.", {
    type: "server_error",
    code: "resource_unavailable"
  });
}
async function answerSync(endpoint, ctx, services) {
  const body = await readJsonBody(ctx.req);
  const emulation = emulationFor(endpoint);
  emulation.check(body);
  const model2 = typeof body.model === "string" ? body.model : "omni-moderation-latest";
  const flex = body.service_tier === "flex" && FLEX_ENDPOINTS.has(endpoint);
  if (flex && services.random() < services.cfg.flexUnavailableRate) throw flexUnavailable();
  let limitHeaders = {};
  if (services.limiter.enabled) {
    const tokens2 = promptTokens(endpoint, body) + emulation.reservedOutputTokens(body);
    limitHeaders = services.limiter.take(model2, tokens2);
  }
  if (flex && services.cfg.flexDelayMs > 0) await sleep(services.cfg.flexDelayMs);
  const answer = emulation.answer(body, { seed: services.cfg.seed, now: Math.floor(Date.now() / 1e3) });
  sendJson(ctx.res, 200, answer.body, { ...ctx.headers, ...limitHeaders });
}
function syncRoute(endpoint) {
  const escaped = endpoint.replaceAll("/", "\\/");
  return {
    method: "POST",
    pattern: new RegExp(`^${escaped}$`),
    handle: (ctx, services) => answerSync(endpoint, ctx, services)
  };
}
var syncRoutes = [
  syncRoute("/v1/chat/completions"),
  syncRoute("/v1/embeddings"),
  syncRoute("/v1/responses"),
  syncRoute("/v1/completions"),
  syncRoute("/v1/moderations")
];

// src/emulator/server.ts
var ROUTES = [...fileRoutes, ...batchRoutes, ...syncRoutes, ...modelRoutes];
var NO_KEY = "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.";
function overloaded() {
  return new ApiError(503, "The server is overloaded or not ready yet.", { type: "server_error" });
}
function findRoute(method, path2) {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const m = route.pattern.exec(path2);
    if (m) return { route, params: m.slice(1) };
  }
  return null;
}
function createHandler(services) {
  return async (req, res) => {
    const started = Date.now();
    const headers = { "x-request-id": newRequestId(), "openai-organization": "org-emulator", "openai-version": "2020-10-01" };
    const url = new URL(req.url ?? "/", "http://emulator");
    const method = req.method ?? "GET";
    res.on("finish", () => services.cfg.log(`${method} ${url.pathname} ${res.statusCode} ${Date.now() - started}ms`));
    let dropMidway = false;
    try {
      const auth = req.headers.authorization;
      if (!auth || !/^Bearer\s+\S+/i.test(auth)) throw new ApiError(401, NO_KEY);
      const found = findRoute(method, url.pathname);
      if (!found) throw new ApiError(404, `Invalid URL (${method} ${url.pathname})`);
      const dropDraw = services.random();
      const faultDraw = services.random();
      const ctx = { req, res, params: found.params, query: url.searchParams, headers, dropMidway: false };
      if (dropDraw < services.cfg.dropRate) {
        if (method === "GET" && url.pathname.endsWith("/content")) ctx.dropMidway = dropMidway = true;
        else {
          req.socket.destroy();
          return;
        }
      }
      if (faultDraw < services.cfg.httpFaultRate) {
        req.resume();
        throw faultDraw < services.cfg.httpFaultRate / 2 ? serverError() : overloaded();
      }
      await found.route.handle(ctx, services);
    } catch (err) {
      if (res.headersSent || res.destroyed || dropMidway) {
        res.destroy();
        return;
      }
      if (err instanceof ApiError) {
        if (!req.complete) req.resume();
        sendError(res, err, headers);
        return;
      }
      services.cfg.log(`emulator: internal error on ${method} ${url.pathname}: ${err.stack ?? String(err)}`);
      sendError(res, serverError(), headers);
    }
  };
}

// src/emulator/index.ts
function rate(name, value, fallback) {
  const v = value ?? fallback;
  if (!(v >= 0 && v <= 1)) throw new RangeError(`${name} must be between 0 and 1, got ${v}`);
  return v;
}
function resolve(opts) {
  return {
    failRate: rate("failRate", opts.failRate, 0),
    httpFaultRate: rate("httpFaultRate", opts.httpFaultRate, 0),
    dropRate: rate("dropRate", opts.dropRate, 0),
    // Small batches finish in about 2 s: fast enough for tests and demos, slow enough to watch progress.
    completeAfterMs: opts.completeAfterMs ?? 2e3,
    expireAfterMs: opts.expireAfterMs ?? null,
    rpm: opts.rpm ?? null,
    tpm: opts.tpm ?? null,
    queueLimit: opts.queueLimit ?? null,
    flexUnavailableRate: rate("flexUnavailableRate", opts.flexUnavailableRate, 0),
    flexDelayMs: opts.flexDelayMs ?? 0,
    seed: opts.seed ?? 0,
    validateMs: opts.validateMs ?? 200,
    finalizeMs: opts.finalizeMs ?? 200,
    log: opts.log ?? (() => {
    })
  };
}
async function startEmulator(opts = {}) {
  const cfg = resolve(opts);
  const ownDir = opts.dataDir == null;
  const dir = opts.dataDir ?? await mkdtemp(join4(tmpdir(), "batchwise-emulator-"));
  const files = new FileStore(dir);
  await files.open();
  const batches = new BatchService(cfg, files, dir);
  await batches.open();
  const limiter = new RateLimiter(cfg.rpm, cfg.tpm);
  const server = createServer(createHandler({ cfg, files, batches, limiter, random: seededStream(cfg.seed) }));
  server.keepAliveTimeout = 1e3;
  const host = opts.host ?? "127.0.0.1";
  await new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off("error", reject);
      resolvePromise();
    });
  });
  const port = server.address().port;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  let closing = null;
  return {
    url: `http://${shownHost}:${port}/v1`,
    port,
    close() {
      closing ??= (async () => {
        const stopped = new Promise((r) => server.close(() => r()));
        server.closeAllConnections();
        await stopped;
        await batches.close();
        if (ownDir) await rm4(dir, { recursive: true, force: true });
      })();
      return closing;
    }
  };
}

// src/cli/demo.ts
var EXAMPLE = relative(
  process.cwd(),
  [new URL("../../examples/requests.jsonl", import.meta.url), new URL("../examples/requests.jsonl", import.meta.url)].map((u) => fileURLToPath(u)).find((p) => existsSync(p)) ?? "examples/requests.jsonl"
);
function addDemoCommand(program3) {
  program3.command("demo").description("estimate and run examples/requests.jsonl against a built-in emulator: no API key, no network").option("--file <file>", "request file to run", EXAMPLE).option("--out <dir>", "results folder (default: a new temporary folder)").option("--min-savings <usd>", "auto: use sync when batch saves no more than this (the demo costs nothing: 0)", usdArg, 0).action(async (flags) => {
    process.exitCode = await demo(flags);
  });
}
async function demo(flags) {
  const emulator = await startEmulator({ port: 0, completeAfterMs: 3e3 });
  const out = flags.out ?? mkdtempSync(join5(tmpdir2(), "batchwise-demo-"));
  const say = (s) => process.stdout.write(`${s}
`);
  try {
    say(`batchwise demo: a local OpenAI emulator is listening on ${emulator.url} (no key, no network)
`);
    const catalog = loadCatalog();
    say(renderEstimateTable(await estimateFile(flags.file, { catalog, minSavingsUsd: flags.minSavings, displayName: flags.file })));
    say("running it in --mode auto:");
    const summary = await runFile(flags.file, {
      mode: "auto",
      outDir: out,
      catalog,
      apiKey: "sk-demo",
      baseURL: emulator.url,
      minSavingsUsd: flags.minSavings,
      pollIntervalMs: { min: 500, max: 2e3 },
      log: (line) => process.stderr.write(`  ${line}
`)
    });
    say(`
${describeSummary(summary)}`);
    const first = readFileSync(summary.results_path, "utf8").split("\n").filter(Boolean).slice(0, 3);
    say("first answers:");
    for (const l of first) {
      const r = JSON.parse(l);
      say(`  ${r.custom_id} (${r.status}, ${r.mode}): ${answerText(r.response).slice(0, 70)}`);
    }
    say(`
next: batchwise run YOUR.jsonl --out results  (with OPENAI_API_KEY set)`);
    return summary.exit_code;
  } catch (err) {
    return reportRunFailure(err, "sk-demo");
  } finally {
    await emulator.close();
  }
}

// src/cli/emulator.ts
function rateArg(value) {
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError("expected a fraction between 0 and 1, like 0.05");
  return n;
}
function countArg2(value) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("expected a whole number");
  return n;
}
function durationArg(value) {
  try {
    return parseDuration(value);
  } catch (err) {
    throw new InvalidArgumentError(err.message);
  }
}
function addEmulatorCommand(program3) {
  program3.command("emulator").description("run a local OpenAI-compatible server (files, batches, chat, embeddings, responses) with fault injection").option("--port <n>", "port to listen on (0: any free port)", countArg2, 0).option("--host <host>", "address to bind", "127.0.0.1").option("--fail-rate <r>", "fraction of batch lines that fail (500, 429 and 400 lines)", rateArg).option("--http-fault-rate <r>", "fraction of calls answered 500/503", rateArg).option("--drop-rate <r>", "fraction of calls whose connection is reset", rateArg).option("--complete-after <dur>", "how long a batch runs, like 500ms, 30s, 5m", durationArg).option("--expire-after <dur>", "a batch still running after this long expires (default 24h)", durationArg).option("--rpm <n>", "requests per minute per model on the sync endpoints", countArg2).option("--tpm <n>", "tokens per minute per model on the sync endpoints", countArg2).option("--queue-limit <n>", "enqueued batch input tokens allowed per model", countArg2).option("--seed <n>", "seed for answers and faults", countArg2).option("--data-dir <dir>", "keep files and batches here across restarts").action(async (flags) => {
    const options = {
      port: flags.port,
      host: flags.host,
      failRate: flags.failRate,
      httpFaultRate: flags.httpFaultRate,
      dropRate: flags.dropRate,
      completeAfterMs: flags.completeAfter,
      expireAfterMs: flags.expireAfter ?? null,
      rpm: flags.rpm ?? null,
      tpm: flags.tpm ?? null,
      queueLimit: flags.queueLimit ?? null,
      seed: flags.seed,
      dataDir: flags.dataDir ?? null,
      log: (line) => process.stderr.write(`${line}
`)
    };
    const emulator = await startEmulator(options);
    process.stdout.write(`listening on ${emulator.url}
`);
    await new Promise((resolve2) => {
      const stop = () => resolve2();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    await emulator.close();
  });
}

// src/cli/prepare.ts
function addTemplateOptions(cmd) {
  return cmd.option("--model <model>", "model for every request (a JSON template may name it instead)").option("--template <file>", "the user message with {{column}} placeholders; a .json file is a whole request body").option("--prompt <text>", "the user message inline, instead of --template").option("--system <text>", "a system message (chat) or instructions (responses); {{column}} works here too").option("--max-tokens <n>", "output cap per request (max_completion_tokens / max_output_tokens)").addOption(new Option("--endpoint <endpoint>", "the API endpoint").choices(["chat", "responses", "embeddings"])).option("--response-format <file>", "a JSON schema: structured outputs (answers come back as JSON)");
}
function requestSpecOf(flags) {
  return {
    model: flags.model,
    template: flags.template,
    prompt: flags.prompt,
    system: flags.system,
    maxTokens: flags.maxTokens === void 0 ? void 0 : Number(flags.maxTokens),
    endpoint: flags.endpoint,
    responseFormat: flags.responseFormat
  };
}
function addPrepareCommand(program3) {
  const cmd = program3.command("prepare").description("write a Batch API request file from a table: one request per row, {{column}} placeholders filled").argument("<data>", "the table: .csv (with a header row) or .jsonl (one object per line)");
  addTemplateOptions(cmd).option("--id-column <column>", "the column whose values become custom_ids (default: row-1, row-2, \u2026)").addOption(new Option("--format <format>", "the table format when the extension does not say").choices(["csv", "jsonl"])).requiredOption("--out <file>", "the request file to write (JSONL)").option("--pricing <file>", "JSON file that adds or overrides model prices (for the estimate)").action(async (data, flags) => {
    process.exitCode = await runPrepare(data, flags);
  });
}
async function runPrepare(data, flags) {
  try {
    const catalog = loadCatalog(flags.pricing);
    const result = await prepareRequests({ ...requestSpecOf(flags), data, format: flags.format, idColumn: flags.idColumn, out: flags.out });
    for (const note of result.notes) process.stderr.write(`note: ${note}
`);
    process.stdout.write(`wrote ${result.requests} requests (${result.model}, ${result.endpoint}) to ${result.path}

`);
    const estimate = await estimateFile(result.path, { catalog, displayName: result.path });
    process.stdout.write(renderEstimateTable(estimate));
    return 0;
  } catch (err) {
    return reportFailure(err);
  }
}

// src/cli/join.ts
import { dirname, join as join6 } from "node:path";
function addJoinCommand(program3) {
  const cmd = program3.command("join").description("put a run's answers back on the table they came from, matched by custom_id").argument("<data>", "the table the requests were prepared from (.csv or .jsonl)").argument("<results>", "DIR/results.jsonl written by `batchwise run`").option("--out <file>", "the joined CSV (default: results.csv beside results.jsonl)").option("--id-column <column>", "the id column prepare used (default: rows match row-1, row-2, \u2026)").option("--parse <how>", '"json", or a regular expression whose named groups become columns').option("--requests <file>", "the request file that ran: unparsed answers are written again from it").addOption(new Option("--format <format>", "the table format when the extension does not say").choices(["csv", "jsonl"]));
  addTemplateOptions(cmd).action(async (data, results, flags) => {
    process.exitCode = await runJoin(data, results, flags);
  });
}
async function runJoin(data, results, flags) {
  try {
    const spec = requestSpecOf(flags);
    const hasSpec = spec.template !== void 0 || spec.prompt !== void 0;
    const summary = await joinResults({
      data,
      results,
      out: flags.out ?? join6(dirname(results), "results.csv"),
      format: flags.format,
      idColumn: flags.idColumn,
      // A schema given alone still says the answers are JSON.
      parse: flags.parse ?? (flags.responseFormat !== void 0 && !hasSpec ? "json" : void 0),
      requests: flags.requests,
      prepare: hasSpec ? spec : void 0
    });
    process.stdout.write(renderJoinSummary(summary));
    return 0;
  } catch (err) {
    return reportFailure(err);
  }
}

// src/cli/main.ts
var program2 = new Command("batchwise").description("Estimate, decide and run OpenAI request files: sync vs flex vs the Batch API").version(VERSION);
addDemoCommand(program2);
addEstimateCommand(program2);
addRunCommand(program2);
addStatusCommand(program2);
addCancelCommand(program2);
addPrepareCommand(program2);
addJoinCommand(program2);
addEmulatorCommand(program2);
await program2.parseAsync();
