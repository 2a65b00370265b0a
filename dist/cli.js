import { createRequire as __bwCreateRequire } from 'node:module';
import { fileURLToPath as __bwFileURLToPath } from 'node:url';
import { dirname as __bwDirname } from 'node:path';
const require = __bwCreateRequire(import.meta.url);
const __bwFilename = __bwFileURLToPath(import.meta.url);
const __bwDirnameValue = __bwDirname(__bwFilename);
import {
  joinResults,
  now,
  prepareRequests,
  renderJoinSummary
} from "./chunk-IAAS3BYO.js";
import {
  MODE_ORDER,
  PRICING_PAGE_URL,
  cacheLine,
  inputSourceText,
  inputTokensCell,
  isUserError,
  outputSourceText,
  parsePricingPage,
  parseTokenCount,
  renderEstimateMarkdown,
  savesText
} from "./chunk-BO4PDMA5.js";
import {
  DEFAULT_CONCURRENCY,
  batchStatus,
  cancelRun,
  redactSecrets,
  runFile
} from "./chunk-JHLSWALI.js";
import {
  VERSION,
  estimateFile,
  estimateToJson
} from "./chunk-FZKZX4PD.js";
import {
  countRequestTokens,
  countText,
  encoderFor,
  encodingNameForModel,
  readDataUrlImageSize,
  readHistory
} from "./chunk-2X7CWBSR.js";
import {
  DEFAULT_MIN_SAVINGS_USD,
  KEY_ENV,
  OpenAI,
  PROVIDER_NAMES,
  UsageError,
  answerText,
  catalogForProvider,
  formatDuration,
  formatError,
  formatGoDuration,
  formatInt,
  formatPercent,
  formatUsd,
  inputCounter,
  makeProvider,
  normalize_options,
  padTable,
  parseCompare,
  parseDeployments,
  parseDuration,
  providerKey,
  registerSecret,
  scrub,
  scrubProcessOutput,
  stringifier,
  truncate,
  wrap
} from "./chunk-VMWTP7T6.js";
import {
  BATCH_DISCOUNT,
  PRICE_MODES,
  PROVIDER_LABELS,
  PricingFileError,
  approximateTokens,
  findCatalogKey,
  findProviderModel,
  loadCatalog,
  loadProviderCatalog,
  pricingOf,
  readJsonlLines,
  tokenRatioFor
} from "./chunk-ZIDOD6TB.js";
import "./chunk-HKNME46Z.js";
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
        let value2 = "";
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
                value2 += str.slice(valueStart, i);
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
              value2 += str.slice(valueStart, i);
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
          value2 = str.slice(valueStart, i);
        }
        name = name.toLowerCase();
        if (params[name] === void 0)
          params[name] = value2;
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
        let value2 = "";
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
          let encode2 = 0;
          for (; i < str.length; ++i) {
            const code = str.charCodeAt(i);
            if (EXTENDED_VALUE[code] !== 1) {
              if (code === 37) {
                let hexUpper;
                let hexLower;
                if (i + 2 < str.length && (hexUpper = HEX_VALUES[str.charCodeAt(i + 1)]) !== -1 && (hexLower = HEX_VALUES[str.charCodeAt(i + 2)]) !== -1) {
                  const byteVal = (hexUpper << 4) + hexLower;
                  value2 += str.slice(valueStart, i);
                  value2 += String.fromCharCode(byteVal);
                  i += 2;
                  valueStart = i + 1;
                  if (byteVal >= 128)
                    encode2 = 2;
                  else if (encode2 === 0)
                    encode2 = 1;
                  continue;
                }
                return;
              }
              break;
            }
          }
          value2 += str.slice(valueStart, i);
          value2 = convertToUTF8(value2, charset, encode2);
          if (value2 === void 0)
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
                  value2 += str.slice(valueStart, i);
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
                value2 += str.slice(valueStart, i);
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
            value2 = str.slice(valueStart, i);
          }
          value2 = defDecoder(value2, 2);
          if (value2 === void 0)
            return;
        }
        name = name.toLowerCase();
        if (params[name] === void 0)
          params[name] = value2;
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
  _collectValue(value2, previous) {
    if (previous === this.defaultValue || !Array.isArray(previous)) {
      return [value2];
    }
    previous.push(value2);
    return previous;
  }
  /**
   * Set the default value, and optionally supply the description to be displayed in the help.
   *
   * @param {*} value
   * @param {string} [description]
   * @return {Argument}
   */
  default(value2, description) {
    this.defaultValue = value2;
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
  default(value2, description) {
    this.defaultValue = value2;
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
  _collectValue(value2, previous) {
    if (previous === this.defaultValue || !Array.isArray(previous)) {
      return [value2];
    }
    previous.push(value2);
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
    this.negativeOptions.forEach((value2, key) => {
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
  valueFromOption(value2, option) {
    const optionKey = option.attributeName();
    if (!this.dualOptions.has(optionKey)) return true;
    const preset = this.negativeOptions.get(optionKey).presetArg;
    const negativeValue = preset !== void 0 ? preset : false;
    return option.negate === (negativeValue === value2);
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
  _callParseArg(target, value2, previous, invalidArgumentMessage) {
    try {
      return target.parseArg(value2, previous);
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
  setOptionValue(key, value2) {
    return this.setOptionValueWithSource(key, value2, void 0);
  }
  /**
   * Store option value and where the value came from.
   *
   * @param {string} key
   * @param {object} value
   * @param {string} source - expected values are default/config/env/cli/implied
   * @return {Command} `this` command for chaining
   */
  setOptionValueWithSource(key, value2, source) {
    if (this._storeOptionsAsProperties) {
      this[key] = value2;
    } else {
      this._optionValues[key] = value2;
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
    const myParseArg = (argument, value2, previous) => {
      let parsedValue = value2;
      if (value2 !== null && argument.parseArg) {
        const invalidValueMessage = `error: command-argument value '${value2}' is invalid for argument '${argument.name()}'.`;
        parsedValue = this._callParseArg(
          argument,
          value2,
          previous,
          invalidValueMessage
        );
      }
      return parsedValue;
    };
    this._checkNumberOfArguments();
    const processedArgs = [];
    this.registeredArguments.forEach((declaredArg, index) => {
      let value2 = declaredArg.defaultValue;
      if (declaredArg.variadic) {
        if (index < this.args.length) {
          value2 = this.args.slice(index);
          if (declaredArg.parseArg) {
            value2 = value2.reduce((processed, v) => {
              return myParseArg(declaredArg, v, processed);
            }, declaredArg.defaultValue);
          }
        } else if (value2 === void 0) {
          value2 = [];
        }
      } else if (index < this.args.length) {
        value2 = this.args[index];
        if (declaredArg.parseArg) {
          value2 = myParseArg(declaredArg, value2, declaredArg.defaultValue);
        }
      }
      processedArgs[index] = value2;
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
            const value2 = args[i++];
            if (value2 === void 0) this.optionMissingArgument(option);
            this.emit(`option:${option.name()}`, value2);
          } else if (option.optional) {
            let value2 = null;
            if (i < args.length && (!maybeOption(args[i]) || negativeNumberArg(args[i]))) {
              value2 = args[i++];
            }
            this.emit(`option:${option.name()}`, value2);
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

// src/cli/pricingFlags.ts
var DEFAULT_HISTORY_PATH = ".batchwise/history.jsonl";
function addPricingOptions(cmd) {
  return cmd.option("--pricing <file>", "JSON file that adds or overrides model prices").option("--strict-pricing", 'a model the catalog lacks is an error (default: derived prices from @pydantic/genai-prices, labelled "derived")').option("--region", "requests go to a regional processing (data residency) endpoint: +10% on the models that charge it (released since 2026-03-05, eligible for residency)");
}
function addHistoryOptions(cmd) {
  return cmd.option("--history <file>", `what earlier runs observed, to calibrate expected output and cache hits (default: ${DEFAULT_HISTORY_PATH})`).option("--no-history", "neither read nor write run history");
}
function catalogFrom(flags) {
  return loadCatalog(flags.pricing, { strict: flags.strictPricing === true });
}
function historyPathOf(flags, env = process.env) {
  if (flags.history === false) return null;
  if (typeof flags.history === "string") return flags.history;
  const fromEnv = env.BATCHWISE_HISTORY?.trim();
  if (fromEnv === "off" || fromEnv === "false") return null;
  return fromEnv || DEFAULT_HISTORY_PATH;
}

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
var MODES = ["sync", "flex", "batch", "priority"];
function modeRows(file, model3, requests, input, out, cost) {
  return MODES.flatMap((mode2) => {
    const c = cost[mode2];
    if (!c) return [];
    return [[file, model3, mode2, requests, input, out.low, out.expected, out.max, c.low, c.expected, c.max]];
  });
}
function comparisonRows(e) {
  return (e.comparison ?? []).flatMap(
    (c) => ["sync", "batch"].map((mode2) => {
      const cost = c.cost[mode2];
      const out = c.output_tokens;
      return [e.file, c.to, mode2, c.requests, c.input_tokens, out.low, Math.round(out.expected), out.max, cost.low, cost.expected, cost.max, c.from, c.provider, true];
    })
  );
}
function estimateToCsv(e) {
  const sourced = e.input_tokens_source !== "exact" || Object.keys(e.input_tokens_sources).some((k) => k !== "exact");
  if (e.items) {
    const columns3 = ["file", "line", "custom_id", "model", "url", "input_tokens", "output_low", "output_expected", "output_max", "unbounded"];
    return stringify(
      e.items.map((i) => [
        e.file,
        i.line,
        i.custom_id,
        i.model,
        i.url,
        i.input_tokens,
        i.output_tokens.low,
        i.output_tokens.expected,
        i.output_tokens.max,
        i.unbounded,
        ...sourced ? [i.input_tokens_source] : []
      ]),
      { header: true, columns: sourced ? [...columns3, "input_tokens_source"] : columns3 }
    );
  }
  const rows = [
    ...e.models.flatMap((m) => modeRows(e.file, m.model, m.requests, m.input_tokens, m.output_tokens, m.cost)),
    ...modeRows(e.file, "(total)", e.requests, e.input_tokens, e.output_tokens, e.cost)
  ];
  const columns2 = ["file", "model", "mode", "requests", "input_tokens", "output_low", "output_expected", "output_max", "cost_low_usd", "cost_expected_usd", "cost_max_usd"];
  if (sourced) {
    const sourceOf = new Map(e.models.map((m) => [m.model, m.input_tokens_source]));
    for (const r of rows) r.push(sourceOf.get(r[1]) ?? e.input_tokens_source);
    columns2.push("input_tokens_source");
  }
  if (!e.comparison) return stringify(rows, { header: true, columns: columns2 });
  return stringify([...rows.map((r) => [...r, "", e.pricing.provider, false]), ...comparisonRows(e).map((r) => sourced ? [...r.slice(0, 11), "approximate", ...r.slice(11)] : r)], {
    header: true,
    columns: [...columns2, "compared_from", "provider", "approximate"]
  });
}

// src/report/estimateTable.ts
var MODEL_COLUMN = 22;
var SHOWN_WARNINGS = 10;
var COMPARE_COLUMN = 34;
var tokens = (r) => `${formatInt(r.low)} / ${formatInt(r.expected)} / ${formatInt(r.max)}`;
function modeRows2(cost, chosen) {
  const rows = [["mode", "low", "expected", "max", "saves (expected)"]];
  for (const mode2 of MODE_ORDER) {
    const c = cost[mode2];
    const mark = mode2 === chosen ? " *" : "";
    if (!c) {
      rows.push([mode2 + mark, "\u2014", "\u2014", "\u2014", `no ${mode2} processing`]);
      continue;
    }
    rows.push([mode2 + mark, formatUsd(c.low), formatUsd(c.expected), formatUsd(c.max), savesText(cost, mode2)]);
  }
  return rows;
}
function comparisonRows2(e, comparison) {
  const rows = [["compared (approximate)", "sync", "batch", "batch max", "batch vs now"]];
  for (const from of [...new Set(comparison.map((c) => c.from))]) {
    const mine = comparison.filter((c) => c.from === from);
    const all = e.models.find((m) => m.model === from)?.requests ?? 0;
    const base = mine.reduce((a, b) => b.requests > a.requests ? b : a).baseline;
    rows.push([truncate(`${from} (no cache)`, COMPARE_COLUMN), formatUsd(base.sync.expected), formatUsd(base.batch.expected), formatUsd(base.batch.max), ""]);
    for (const c of mine) {
      const vs = c.baseline.batch.expected > 0 ? c.cost.batch.expected / c.baseline.batch.expected - 1 : null;
      rows.push([
        truncate(`\u2192 ${c.to}`, COMPARE_COLUMN) + (c.requests < all ? "\u2021" : ""),
        formatUsd(c.cost.sync.expected),
        formatUsd(c.cost.batch.expected),
        formatUsd(c.cost.batch.max),
        vs === null ? "\u2014" : `${vs >= 0 ? "+" : "\u2212"}${formatPercent(Math.abs(vs), 1)}`
      ]);
    }
  }
  return padTable(rows, /* @__PURE__ */ new Set([1, 2, 3, 4])).map((l) => "  " + l);
}
function renderEstimateTable(e) {
  const out = [];
  out.push(`${e.file}: ${formatInt(e.requests)} requests, ${inputTokensCell(e.input_tokens, e.input_tokens_approximate)} input tokens${e.input_tokens_approximate ? " (approximate)" : ""}`);
  out.push(`output tokens (low / expected / max): ${tokens(e.output_tokens)}`);
  out.push("");
  out.push(...padTable(modeRows2(e.cost, e.recommendation.mode), /* @__PURE__ */ new Set([1, 2, 3])));
  if (e.models.length > 1) {
    out.push("");
    out.push("per model (expected):");
    const rows = [["model", "requests", "sync", "flex", "batch", "priority"]];
    for (const m of e.models) {
      rows.push([
        truncate(m.model, MODEL_COLUMN) + (m.price_origin === "derived" ? "\u2020" : ""),
        formatInt(m.requests),
        ...MODE_ORDER.map((mode2) => m.cost[mode2] ? formatUsd(m.cost[mode2].expected) : "\u2014")
      ]);
    }
    out.push(...padTable(rows, /* @__PURE__ */ new Set([1, 2, 3, 4, 5])).map((l) => "  " + l));
    if (e.models.some((m) => m.price_origin === "derived")) out.push("  \u2020 derived prices (not in the catalog): see the notes");
  }
  if (e.comparison && e.comparison.length > 0) {
    out.push("");
    out.push("same requests on other models (expected, no cache discounts; never picked):");
    out.push(...comparisonRows2(e, e.comparison));
    if (e.comparison.some((c) => c.requests < (e.models.find((m) => m.model === c.from)?.requests ?? 0))) {
      out.push("  \u2021 covers fewer of the model's requests: see the notes");
    }
  }
  const cache = cacheLine(e);
  if (cache) out.push("", cache);
  out.push("");
  const text = (line) => out.push(...wrap(line, 80, 2));
  text(`recommended: ${e.recommendation.mode} \u2014 ${e.recommendation.reason}`);
  for (const l of e.lifecycle) text(`warning: ${l.message}`);
  for (const s of e.split_notes) text(`batch split: ${s.message}`);
  for (const w of e.warnings.slice(0, SHOWN_WARNINGS)) text(`warning: ${e.file}:${w.line}: ${w.reason}`);
  if (e.warning_count > SHOWN_WARNINGS) text(`warning: \u2026and ${e.warning_count - SHOWN_WARNINGS} more`);
  const lifecycle = new Set(e.lifecycle.map((l) => l.message));
  for (const n of e.notes) if (!lifecycle.has(n)) text(`note: ${n}`);
  for (const c of e.comparison ?? []) text(`compare ${c.from} \u2192 ${c.to}: ${c.notes.join("; ")}`);
  const bases = new Map((e.comparison ?? []).filter((c) => c.token_ratio !== 1).map((c) => [c.token_ratio, c.token_basis]));
  for (const [ratio2, basis] of bases) text(`tokens \xD7 ${ratio2}: ${basis}`);
  const input = inputSourceText(e);
  if (input) text(`input: ${input}`);
  text(`output: ${outputSourceText(e)}`);
  text(`prices checked ${e.pricing.as_of}${e.pricing.region ? ", regional processing (+10% where charged)" : ""} (${e.pricing.source})`);
  const compared = [...new Set((e.comparison ?? []).filter((c) => c.provider !== "azure").map((c) => c.price_as_of))];
  if (compared.length > 0) text(`compared prices checked ${compared.join(", ")} (the providers' pages; data/providers.json)`);
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
      const now2 = Date.now();
      if (now2 - last < 100 && done < total) return;
      last = now2;
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

// src/cli/outputFormat.ts
var json = false;
function addFormatOption(cmd, choices = ["text", "json"]) {
  return cmd.addOption(new Option("--format <format>", "output format").choices(choices).default(choices[0])).option("--json", "the same as --format json");
}
function useFormat(flags) {
  json = flags.json === true || flags.format === "json";
  if (json) flags.format = "json";
  return json;
}
function jsonOutput() {
  return json;
}
function printJson(value2) {
  process.stdout.write(`${JSON.stringify(value2, null, 2)}
`);
}

// src/cli/errors.ts
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
function describeFailure(err) {
  const code = err?.code;
  const path2 = err?.path;
  if (typeof code === "string" && code in FILE_ERRORS && typeof path2 === "string") {
    return { type: "FileError", message: `cannot use ${path2}: ${FILE_ERRORS[code]}`, file: path2 };
  }
  if (isUserError(err)) {
    const e = err;
    return { type: e.name, message: e.message, ...e.problems ? { problems: e.problems } : {}, ...typeof e.file === "string" ? { file: e.file } : {} };
  }
  return { type: "InternalError", message: `internal error (please report it)
${err instanceof Error ? err.stack : String(err)}` };
}
function printFailure(f, exit = 1) {
  if (jsonOutput()) process.stdout.write(scrub(`${JSON.stringify({ error: { ...f, exit_code: exit } }, null, 2)}
`));
  else process.stderr.write(scrub(`batchwise: ${f.message}
`));
  return exit;
}
function reportFailure(err) {
  return printFailure(describeFailure(err));
}

// src/cli/providerFlags.ts
var keys = PROVIDER_NAMES.map((p) => `${p}: ${KEY_ENV[p].join(" or ")}`).join("; ");
function addProviderOptions(cmd, opts = {}) {
  cmd.addOption(new Option("--provider <name>", `whose API runs the requests; key from the environment (${keys})`).choices([...PROVIDER_NAMES]));
  if (opts.deployments !== false) {
    cmd.option("--deployment <map>", "Azure: MODEL=DEPLOYMENT (repeatable or comma-separated), or one DEPLOYMENT for every model", (v, prev = []) => [...prev, v]);
  }
  cmd.option("--base-url <url>", "the provider API's base URL (the emulator, a proxy; Azure: https://RESOURCE.openai.azure.com); default from OPENAI_BASE_URL, AZURE_OPENAI_ENDPOINT, ANTHROPIC_BASE_URL or GEMINI_BASE_URL", urlArg);
  return cmd;
}
function urlArg(value2) {
  try {
    const u = new URL(value2);
    if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error("not http(s)");
    return value2;
  } catch {
    throw new InvalidArgumentError("expected an http(s) URL, e.g. http://127.0.0.1:8089");
  }
}
function providerOptions(flags) {
  if (flags.deployment?.length && flags.provider !== "azure") {
    throw new UsageError(`--deployment is for --provider azure (the provider is ${flags.provider ?? "openai"})`);
  }
  return {
    ...flags.provider ? { provider: flags.provider } : {},
    ...flags.deployment?.length ? { deployments: parseDeployments(flags.deployment) } : {},
    ...flags.baseUrl ? { baseURL: flags.baseUrl } : {}
  };
}

// src/cli/args.ts
function numberArg(min, max, integer = false) {
  return (value2) => {
    const n = Number(value2);
    if (value2.trim() === "" || !Number.isFinite(n) || n < min || n > max || integer && !Number.isInteger(n)) {
      throw new InvalidArgumentError(`expected ${integer ? "a whole number" : "a number"} from ${min} to ${max}`);
    }
    return n;
  };
}
var usdArg = numberArg(0, 1e9);
var countArg = numberArg(0, 1e9, true);
var positiveCountArg = numberArg(1, 1e9, true);
function durationArg(flag) {
  return (value2) => {
    try {
      const ms = parseDuration(value2, flag);
      if (!(ms > 0)) throw new InvalidArgumentError(`${flag} must be more than zero`);
      return ms;
    } catch (err) {
      throw new InvalidArgumentError(err.message);
    }
  };
}
function pollIntervalArg(value2) {
  const [a, b, ...rest] = value2.split(",");
  if (rest.length > 0) throw new InvalidArgumentError("expected MIN or MIN,MAX, e.g. 2s,60s");
  const min = durationArg("--poll-interval")(a);
  const max = b === void 0 ? Math.max(min, 6e4) : durationArg("--poll-interval")(b);
  if (min > max) throw new InvalidArgumentError(`the first interval (${a.trim()}) must not be longer than the second (${b.trim()}): MIN,MAX, e.g. 2s,60s`);
  return { min, max };
}

// src/cli/estimate.ts
function compareArg(value2, previous) {
  try {
    return [...previous ?? [], ...parseCompare(value2)];
  } catch (err) {
    throw new InvalidArgumentError(err.message);
  }
}
function addEstimateCommand(program3) {
  const cmd = program3.command("estimate").description("count input tokens exactly and price the file in sync, flex, batch and priority mode").argument("<file>", "request file in the Batch API JSONL format").addOption(new Option("--format <format>", "output format").choices(["table", "markdown", "json", "csv"]).default("table")).option("--json", "the same as --format json").option("--detail", "list every request (json items, csv rows)").addHelpText(
    "after",
    "\nExamples:\n  batchwise estimate requests.jsonl\n  batchwise estimate requests.jsonl --latency-budget 2h --format json\n  batchwise estimate requests.jsonl --compare 'claude-haiku-4-5,gemini-3.5-flash,azure'\n  ANTHROPIC_API_KEY=\u2026 batchwise estimate claude.jsonl --provider anthropic   (input counted by Anthropic: exact)"
  );
  addProviderOptions(addHistoryOptions(addPricingOptions(cmd)), { deployments: false }).option("--no-count-tokens", "Anthropic and Gemini: never call the provider's free token counter, even with a key (input stays approximate)").option("--latency-budget <duration>", "how long you can wait for answers, e.g. 30m, 6h, 2d (default: 24h)", durationArg("--latency-budget")).option("--min-savings <usd>", "recommend sync when batch saves no more than this (USD, default: 0.01)", usdArg).option("--workers <n>", "worker threads for large files, 0 for none (default: one per core)", numberArg(0, 32, true)).option(
    "--compare <map>",
    `also price the requests on other providers' models (approximate): TARGET[,TARGET] for every model, MODEL=TARGET[,TARGET] for one, groups separated by ";" (quote it) or a repeated --compare; targets: claude-*, gemini-*, azure/<model>, azure`,
    compareArg
  ).action(async (file, flags) => {
    process.exitCode = await runEstimate(file, flags);
  });
}
async function tokenCounter(flags) {
  const name = flags.provider ?? "openai";
  if (name !== "anthropic" && name !== "gemini") return void 0;
  if (!providerKey({ provider: name })) return void 0;
  const provider = makeProvider({ provider: name, ...providerOptions(flags) });
  const count = inputCounter(provider);
  return count ? { count, close: async () => provider.close?.() } : void 0;
}
async function runEstimate(file, flags) {
  useFormat(flags);
  const progress = byteProgress("estimating");
  try {
    const historyPath = historyPathOf(flags);
    const history = historyPath ? (await readHistory(historyPath)).observations : [];
    const provider = flags.provider ?? "openai";
    const counter = flags.countTokens ? await tokenCounter(flags) : void 0;
    const estimate = await estimateFile(file, {
      catalog: catalogForProvider(provider, catalogFrom(flags)),
      ...counter ? { countInputTokens: counter.count } : {},
      region: flags.region,
      history,
      now: now(),
      detail: flags.detail,
      latencyBudgetMs: flags.latencyBudget,
      minSavingsUsd: flags.minSavings,
      workers: flags.workers,
      compare: flags.compare,
      onProgress: progress?.update,
      displayName: file
    });
    const render = {
      json: () => JSON.stringify(estimateToJson(estimate), null, 2) + "\n",
      csv: () => estimateToCsv(estimate),
      markdown: () => renderEstimateMarkdown(estimate),
      table: () => renderEstimateTable(estimate)
    }[flags.format];
    await counter?.close();
    process.stdout.write(render());
    return 0;
  } catch (err) {
    progress?.finish();
    return reportFailure(err);
  }
}

// src/cli/interrupt.ts
var SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 };
function onInterrupt(say = (l) => process.stderr.write(`${l}
`)) {
  const controller = new AbortController();
  let got = null;
  const handler = (sig) => {
    if (got !== null) {
      say(`batchwise: ${sig} again: exiting now (what was saved so far is kept)`);
      process.exit(SIGNAL_EXIT[sig]);
    }
    got = sig;
    say(`batchwise: ${sig}: stopping \u2014 saving state; press Ctrl-C again to exit at once`);
    controller.abort();
  };
  const onInt = () => handler("SIGINT");
  const onTerm = () => handler("SIGTERM");
  process.on("SIGINT", onInt);
  process.on("SIGTERM", onTerm);
  return {
    signal: controller.signal,
    received: () => got,
    dispose() {
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
    }
  };
}

// src/cli/runOutput.ts
function describeSummary(s) {
  const lines = [
    `decision: ${s.decision.mode}${s.provider && s.provider !== "openai" ? ` on ${PROVIDER_LABELS[s.provider]}` : ""} \u2014 ${s.decision.reason}`,
    `${s.succeeded} of ${s.requests} requests succeeded` + (s.failed + s.expired + s.cancelled + s.skipped > 0 ? ` (${s.failed} failed, ${s.expired} expired, ${s.cancelled} cancelled, ${s.skipped} skipped)` : ""),
    `cost: ${formatUsd(s.ledger.total.actual_usd)} actual, ${formatUsd(s.ledger.total.at_sync_prices_usd)} at sync prices, saved ${formatUsd(s.ledger.total.saved_usd)}; the estimate expected ${formatUsd(s.ledger.total.estimated_usd)} for the ${s.ledger.total.billed} billed requests (${formatError(s.ledger.total.estimate_error.cost)})`
  ];
  for (const l of s.estimate.lifecycle) lines.push(`warning: ${l.message}`);
  if (s.batch_ids.length > 0) lines.push(`batches: ${s.batch_ids.join(", ")}`);
  lines.push(`results: ${s.results_path}`, `         ${s.results_csv_path}`, `report:  ${s.report_md_path}`, `         ${s.report_json_path}`);
  return lines.join("\n") + "\n";
}
function runSummaryJson(s) {
  const { estimate, ...rest } = s;
  return { ...rest, estimate: estimateToJson({ ...estimate, items: void 0 }) };
}
function reportRunFailure(err, apiKey, interrupted = null, outDir) {
  if (interrupted !== null || err instanceof Error && err.name === "AbortError") {
    const where = outDir ? ` in ${outDir}` : "";
    return printFailure(
      { type: "Interrupted", message: `interrupted; every answer so far and the run's state are kept${where}: run the same command again to continue where it stopped` },
      interrupted ? SIGNAL_EXIT[interrupted] : 130
    );
  }
  if (err instanceof OpenAI.APIConnectionError) {
    return printFailure({ type: "APIConnectionError", message: `could not reach the API (${redactSecrets(err.message, apiKey)}); check OPENAI_BASE_URL and the network \u2014 nothing was sent` });
  }
  if (err instanceof OpenAI.APIError) {
    return printFailure({ type: "APIError", message: `the API refused: ${redactSecrets(err.message, apiKey)}` });
  }
  return reportFailure(err);
}

// src/cli/liveProgress.ts
var REDRAW_MS = 100;
function liveProgress(opts = {}) {
  const stream = opts.stream ?? process.stderr;
  const tty = stream.isTTY === true;
  const interval = opts.intervalMs ?? 3e4;
  const now2 = opts.now ?? Date.now;
  let status = "";
  let shown = false;
  let lastDraw = -Infinity;
  let lastPrinted = "";
  const width = () => Math.max(20, (stream.columns ?? 80) - 1);
  const clear = () => {
    if (tty && shown) stream.write("\r\x1B[2K");
    shown = false;
  };
  const draw = (force) => {
    const t = now2();
    if (tty) {
      if (!force && t - lastDraw < REDRAW_MS) return;
      stream.write(`\r\x1B[2K${status.length > width() ? `${status.slice(0, width() - 1)}\u2026` : status}`);
      shown = true;
    } else {
      if (!force && t - lastDraw < interval) return;
      if (status === lastPrinted) return;
      stream.write(`${status}
`);
      lastPrinted = status;
    }
    lastDraw = t;
  };
  return {
    batch(p) {
      const done = p.completed + p.failed;
      status = `batches: ${done.toLocaleString("en-US")}/${p.total.toLocaleString("en-US")} done, ${p.failed.toLocaleString("en-US")} failed` + (p.eta_ms === null ? "" : `, ETA ${formatDuration(p.eta_ms)}`);
      draw(done >= p.total);
    },
    sync(p, tier = "sync") {
      const total = p.total === void 0 ? "" : `/${p.total.toLocaleString("en-US")}`;
      const tpm = p.tokensPerMinute.limit === null ? `${p.tokensPerMinute.used.toLocaleString("en-US")} tokens/min` : `${p.tokensPerMinute.used.toLocaleString("en-US")}/${p.tokensPerMinute.limit.toLocaleString("en-US")} tokens/min`;
      status = `${tier}: ${p.done.toLocaleString("en-US")}${total} done, ${p.failed + p.skipped} not succeeded, ${p.inFlight} in flight, ${tpm}, ${formatUsd(p.costUsd)} so far${p.etaMs === null ? "" : `, ETA ${formatDuration(p.etaMs)}`}`;
      draw(p.total !== void 0 && p.done >= p.total);
    },
    log(line) {
      clear();
      stream.write(`${line}
`);
      if (tty && status) draw(true);
    },
    end() {
      if (!status) return;
      if (tty) {
        draw(true);
        stream.write("\n");
        shown = false;
      } else if (status !== lastPrinted) {
        stream.write(`${status}
`);
        lastPrinted = status;
      }
      status = "";
    }
  };
}

// src/cli/run.ts
function tokensArg(value2) {
  const n = parseTokenCount(value2);
  if (n === null) throw new InvalidArgumentError("expected a number of tokens, e.g. 2000000 or 2M");
  return n;
}
function sameCommand() {
  const quote = (a) => /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`;
  return ["batchwise", ...process.argv.slice(2)].map(quote).join(" ");
}
function addRunCommand(program3) {
  const cmd = program3.command("run").description("run a request file to the end (batch, flex, sync or priority), resumable, and write results and a report").addHelpText("after", "\nExamples:\n  batchwise run requests.jsonl --out results/ --latency-budget 6h --max-cost 20\n  batchwise run big.jsonl --mode batch --out results/ --queue-limit 2M --until 5h30m   (exit 3: run it again later)\n  batchwise run requests.jsonl --out results/ --pilot 20 --format json\n  ANTHROPIC_API_KEY=\u2026 batchwise run claude.jsonl --provider anthropic --out results/\n  batchwise run evals.jsonl --provider azure --deployment gpt-5.4-mini=evals-batch --out results/\n\nExit codes: 0 all succeeded, 2 some did not, 3 in progress (run the same command again), 1 could not run, 130 interrupted.").argument("<file>", "request file in the Batch API JSONL format").addOption(new Option("--mode <mode>", "how to run it (priority: Fast mode, dearer and faster; never chosen by auto)").choices(["auto", "batch", "flex", "sync", "priority"]).default("auto"));
  addFormatOption(addProviderOptions(addHistoryOptions(addPricingOptions(cmd)))).option("--pilot <n>", "send N requests (chosen at random) synchronously first; their answers calibrate the estimate of the rest", countArg).requiredOption("--out <dir>", "folder for results, report and state (run again with the same folder to resume)").option("--latency-budget <duration>", "how long you can wait for answers, e.g. 30m, 6h (default: 24h)", durationArg("--latency-budget")).option("--max-cost <usd>", "refuse to start when the worst case is above this (USD)", usdArg).option("--min-savings <usd>", "auto: use sync when batch saves no more than this (USD, default: 0.01)", usdArg).option("--retries <n>", "retry rounds for requests that failed in a retryable way (default: 2)", countArg).option("--rpm <n>", "your requests-per-minute limit (sync and flex; default: read from the API)", positiveCountArg).option("--tpm <n>", "your tokens-per-minute limit (sync and flex; default: read from the API)", positiveCountArg).option("--concurrency <n>", `sync, flex and priority requests in flight at most, a ceiling: the limits and the observed latency set the pace (default: ${DEFAULT_CONCURRENCY})`, positiveCountArg).option("--no-flex-fallback", "flex without capacity: fail instead of using the standard tier").option("--poll-interval <min,max>", "batch polling, MIN,MAX (default: 2s,60s)", pollIntervalArg).option("--queue-limit <tokens>", "your batch queue limit per model (enqueued tokens, Limits page), e.g. 2M; default: learned from the API", tokensArg).option("--until <duration>", "stop waiting after this long (e.g. 5h30m), leave the batches running and exit 3; the same command continues", durationArg("--until")).option("--max-batches <n>", "batches this run may create at most (default: 500); reaching it ends the run with exit 3", numberArg(1, 1e6, true)).option("--no-count-tokens", "Anthropic and Gemini: do not call the provider's free token counter before the run (input stays approximate)").option("--fresh", "set the run remembered in --out aside and start over; the answers it already has are kept and not sent again").option("--join <data>", "after the run, join the answers back into this table (.csv/.jsonl) as DIR/results.csv").option("--id-column <column>", "with --join: the id column the requests were prepared with (default: row-N)").option("--parse <how>", 'with --join: "json", or a regular expression whose named groups become columns').action(async (file, flags) => {
    process.exitCode = await runCommand(file, flags);
  });
}
async function runCommand(file, flags) {
  const json2 = useFormat(flags);
  const interrupt = onInterrupt();
  const live = liveProgress();
  try {
    const summary = await runFile(file, {
      mode: flags.mode,
      outDir: flags.out,
      ...providerOptions(flags),
      exactTokens: flags.countTokens,
      catalog: catalogFrom(flags),
      region: flags.region,
      historyPath: historyPathOf(flags),
      pilot: flags.pilot,
      fresh: flags.fresh,
      now: now(),
      latencyBudgetMs: flags.latencyBudget,
      maxCostUsd: flags.maxCost,
      minSavingsUsd: flags.minSavings,
      retries: flags.retries,
      rpm: flags.rpm,
      tpm: flags.tpm,
      concurrency: flags.concurrency,
      flexFallback: flags.flexFallback,
      pollIntervalMs: flags.pollInterval,
      queueLimitTokens: flags.queueLimit,
      untilMs: flags.until,
      maxBatches: flags.maxBatches,
      githubRunId: process.env.GITHUB_RUN_ID,
      signal: interrupt.signal,
      log: live.log,
      onProgress: live.batch,
      onSyncProgress: (p, tier) => live.sync(p, tier)
    });
    live.end();
    if (json2) printJson(runSummaryJson(summary));
    else process.stdout.write(describeSummary(summary));
    if (interrupt.received()) return reportRunFailure(null, void 0, interrupt.received(), flags.out);
    if (summary.in_progress && !json2) {
      const p = summary.in_progress;
      process.stdout.write(
        `in progress: ${p.message}; ${p.requests_left} requests have no outcome yet (${p.batches_running} batch${p.batches_running === 1 ? "" : "es"} running).
continue with the same command (same --out):
  ${sameCommand()}
`
      );
      return summary.exit_code;
    }
    if (flags.join) {
      const joined = await joinResults({
        data: flags.join,
        results: summary.results_path,
        out: summary.results_csv_path,
        idColumn: flags.idColumn,
        parse: flags.parse,
        requests: file
      });
      if (!json2) process.stdout.write(renderJoinSummary(joined));
    }
    return summary.exit_code;
  } catch (err) {
    return reportRunFailure(err, process.env.OPENAI_API_KEY, interrupt.received(), flags.out);
  } finally {
    live.end();
    interrupt.dispose();
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
  const cmd = program3.command("status").description("show a run's batches (DIR) or one batch (BATCH_ID)").argument("<target>", "a run folder (--out of batchwise run) or a batch id");
  addFormatOption(addProviderOptions(cmd, { deployments: false })).addHelpText("after", "\nExamples:\n  batchwise status results/\n  batchwise status batch_abc123 --format json").action(async (target, flags) => {
    const json2 = useFormat(flags);
    try {
      const r = await batchStatus(target, providerOptions(flags));
      if (json2) printJson(r);
      else process.stdout.write(renderStatus(r));
      process.exitCode = 0;
    } catch (err) {
      process.exitCode = reportRunFailure(err, process.env.OPENAI_API_KEY);
    }
  });
}

// src/cli/cancel.ts
function addCancelCommand(program3) {
  const cmd = program3.command("cancel").description("cancel a run's running batches (DIR) or one batch (BATCH_ID)").argument("<target>", "a run folder (--out of batchwise run) or a batch id");
  addFormatOption(addProviderOptions(cmd, { deployments: false })).addHelpText("after", "\nExamples:\n  batchwise cancel results/\n  batchwise cancel batch_abc123 --json\n\nFinished answers stay; a later `batchwise run` with the same --out collects them.").action(async (target, flags) => {
    try {
      const json2 = useFormat(flags);
      const r = await cancelRun(target, { ...providerOptions(flags), log: (l) => process.stderr.write(`${l}
`) });
      if (json2) printJson(r);
      else process.stdout.write(renderStatus(r));
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
import { join as join7, relative } from "node:path";

// src/emulator/index.ts
import { createServer } from "node:http";
import { mkdtemp, rm as rm6 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join6 } from "node:path";

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
function invalidValue(param, value2, supported) {
  const list2 = supported.map((s) => `'${s}'`).join(", ");
  return new ApiError(400, `Invalid value: '${String(value2)}'. Supported values are: ${list2}.`, {
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
function checkIntRange(name, value2, min, max) {
  if (value2 < min) {
    throw new ApiError(400, `Invalid '${name}': integer below minimum value. Expected a value >= ${min}, but got ${value2} instead.`, {
      param: name,
      code: "integer_below_min_value"
    });
  }
  if (value2 > max) {
    throw new ApiError(400, `Invalid '${name}': integer above maximum value. Expected a value <= ${max}, but got ${value2} instead.`, {
      param: name,
      code: "integer_above_max_value"
    });
  }
  return value2;
}

// src/emulator/random.ts
import { createHash, randomBytes } from "node:crypto";
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
  const bytes = randomBytes(length);
  let out = prefix;
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}
function newRequestId() {
  return `req_${randomBytes(16).toString("hex")}`;
}

// src/emulator/modelTraits.ts
var DATED = /-(\d{4}-\d{2}-\d{2}|\d{4})$/;
function unknownModel(model3) {
  return { key: model3, reasoning: false, cachesSync: true, cachesBatch: false, writesCache: false };
}
var ModelCatalog = class {
  catalog;
  memo = /* @__PURE__ */ new Map();
  /** Azure deployment names → the model each serves: a deployment answers as its model. */
  deployments;
  /** `catalog` for tests; otherwise the bundled one. A catalog that cannot be read leaves every model unknown. */
  constructor(catalog2, log = () => {
  }, deployments = {}) {
    this.deployments = deployments;
    if (catalog2) {
      this.catalog = catalog2;
      return;
    }
    try {
      this.catalog = loadCatalog();
    } catch (err) {
      log(`emulator: price catalog unavailable, every model answered as unknown: ${String(err)}`);
      this.catalog = null;
    }
  }
  /** The model a name means: the one a deployment serves, else the name itself. */
  modelOf(name) {
    return this.deployments[name] ?? name;
  }
  /** The name answers carry: a family named as such answers as its first dated snapshot (`gpt-4o` →
   *  `gpt-4o-2024-08-06`), as the real API does; a snapshot, an alias or an unknown model answers as sent. */
  answeredName(name) {
    const model3 = this.modelOf(name);
    if (!this.catalog || !Object.hasOwn(this.catalog.models, model3)) return model3;
    const snapshots = this.catalog.models[model3].snapshots ?? [];
    return snapshots.find((s) => DATED.test(s)) ?? model3;
  }
  /** Whether the catalog knows the model (as a key or a listed snapshot). Without a catalog every model is known. */
  knows(name) {
    const model3 = this.modelOf(name);
    return !this.catalog || findCatalogKey(this.catalog, model3) !== null;
  }
  /** Every name the catalog knows (keys and snapshots), for GET /v1/models; null without a catalog. */
  names() {
    if (!this.catalog) return null;
    return Object.entries(this.catalog.models).flatMap(([key, e]) => [key, ...e.snapshots ?? []]);
  }
  traits(name) {
    const model3 = this.modelOf(name);
    let t = this.memo.get(model3);
    if (t) return t;
    t = this.lookup(model3);
    if (this.memo.size > 1e4) this.memo.clear();
    this.memo.set(model3, t);
    return t;
  }
  lookup(model3) {
    if (!this.catalog) return unknownModel(model3);
    const key = findCatalogKey(this.catalog, model3);
    if (key === null) return unknownModel(model3);
    const e = this.catalog.models[key];
    const present = (name) => e[name] !== null && e[name] !== void 0;
    return {
      key,
      reasoning: e.reasoning === true,
      cachesSync: present("cached_input"),
      cachesBatch: present("batch_cached_input"),
      writesCache: present("cache_write")
    };
  }
};
var shared;
function defaultModelCatalog() {
  shared ??= new ModelCatalog();
  return shared;
}

// src/emulator/promptCache.ts
var CACHE_BLOCK = 128;
var CACHE_MIN_TOKENS = 1024;
var CACHE_MIN_BLOCKS = CACHE_MIN_TOKENS / CACHE_BLOCK;
var DEFAULT_MAX_ENTRIES = 65536;
var PromptCache = class {
  /** Prefix hash → expiry (ms). Map order is recency: the first key is the least recently used. */
  entries = /* @__PURE__ */ new Map();
  maxEntries;
  clock;
  constructor(maxEntries = DEFAULT_MAX_ENTRIES, clock = Date.now) {
    this.maxEntries = maxEntries;
    this.clock = clock;
  }
  get size() {
    return this.entries.size;
  }
  /**
   * `hashes[k]` names the prompt's first (k + 1) × 128 tokens. Returns how many leading blocks were cached (0 when
   * fewer than 1,024 tokens were), then records every prefix of ≥ 1,024 tokens as written or reused now.
   */
  use(hashes, ttlMs) {
    const now2 = this.clock();
    let blocks = 0;
    for (let k = CACHE_MIN_BLOCKS - 1; k < hashes.length; k++) {
      const expires = this.entries.get(hashes[k]);
      if (expires === void 0) break;
      if (expires <= now2) {
        this.entries.delete(hashes[k]);
        break;
      }
      blocks = k + 1;
    }
    for (let k = CACHE_MIN_BLOCKS - 1; k < hashes.length; k++) {
      this.entries.delete(hashes[k]);
      this.entries.set(hashes[k], now2 + ttlMs);
    }
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
    return blocks;
  }
};

// src/emulator/promptPrefix.ts
import { createHash as createHash2 } from "node:crypto";
function marker(...parts) {
  return 2147483648 + (hashBytes(0, ["prefix-marker", ...parts]).readUInt32BE(0) & 2147483647);
}
function isRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
var TEXT_PARTS = /* @__PURE__ */ new Set(["text", "input_text", "output_text", "refusal"]);
function contentSegments(content2, out) {
  if (typeof content2 === "string") {
    out.push(content2);
    return;
  }
  if (!Array.isArray(content2)) {
    if (content2 !== void 0 && content2 !== null) out.push(marker("value", JSON.stringify(content2)));
    return;
  }
  for (const part of content2) {
    if (isRecord(part) && TEXT_PARTS.has(String(part.type))) {
      const text = part.text ?? part.refusal;
      if (typeof text === "string") out.push(text);
    } else {
      out.push(marker("part", JSON.stringify(part)));
    }
  }
}
function messageSegments(m, out) {
  if (!isRecord(m)) {
    out.push(marker("item", JSON.stringify(m)));
    return;
  }
  if (typeof m.role !== "string") {
    out.push(marker("item", String(m.type)), JSON.stringify(m));
    return;
  }
  out.push(marker("role", m.role));
  if (typeof m.name === "string") out.push(m.name);
  contentSegments(m.content, out);
  for (const field of ["tool_calls", "function_call", "tool_call_id"]) {
    if (m[field] !== void 0 && m[field] !== null) out.push(JSON.stringify(m[field]));
  }
}
function leadingSegments(tools, format, out) {
  if (Array.isArray(tools) && tools.length > 0) out.push(marker("tools"), JSON.stringify(tools));
  if (isRecord(format) && format.type !== "text") out.push(marker("format"), JSON.stringify(format));
}
function prefixSegments(endpoint, body) {
  const out = [];
  if (endpoint === "/v1/chat/completions") {
    leadingSegments(body.tools, body.response_format, out);
    if (Array.isArray(body.messages)) for (const m of body.messages) messageSegments(m, out);
  } else if (endpoint === "/v1/responses") {
    leadingSegments(body.tools, isRecord(body.text) ? body.text.format : void 0, out);
    if (typeof body.instructions === "string") out.push(marker("role", "developer"), body.instructions);
    if (typeof body.input === "string") out.push(marker("role", "user"), body.input);
    else if (Array.isArray(body.input)) for (const item of body.input) messageSegments(item, out);
  }
  return out;
}
var MEMO_MIN_CHARS = 200;
var MEMO_MAX_TOKENS = 2e6;
var memo = /* @__PURE__ */ new Map();
var memoTokens = 0;
function encode(text, encoding) {
  if (text.length < MEMO_MIN_CHARS) return encoderFor(encoding).encode_ordinary(text);
  const key = `${encoding}\0${text}`;
  const known = memo.get(key);
  if (known) return known;
  const tokens2 = encoderFor(encoding).encode_ordinary(text);
  if (memoTokens + tokens2.length > MEMO_MAX_TOKENS) {
    memo.clear();
    memoTokens = 0;
  }
  memo.set(key, tokens2);
  memoTokens += tokens2.length;
  return tokens2;
}
function prefixBlockHashes(endpoint, body, model3, encoding, maxBlocks) {
  const hashes = [];
  if (maxBlocks <= 0) return hashes;
  const h = createHash2("sha256");
  h.update(`${model3}\0`);
  let inBlock = 0;
  for (const segment of prefixSegments(endpoint, body)) {
    const tokens2 = typeof segment === "number" ? Uint32Array.of(segment) : encode(segment, encoding);
    for (let i = 0; i < tokens2.length; ) {
      const take = Math.min(CACHE_BLOCK - inBlock, tokens2.length - i);
      h.update(new Uint8Array(tokens2.buffer, tokens2.byteOffset + i * 4, take * 4));
      inBlock += take;
      i += take;
      if (inBlock === CACHE_BLOCK) {
        hashes.push(h.copy().digest("base64"));
        if (hashes.length >= maxBlocks) return hashes;
        inBlock = 0;
      }
    }
  }
  return hashes;
}

// src/emulator/tokens.ts
function encodingFor(model3) {
  try {
    return encodingNameForModel(model3);
  } catch {
    return "o200k_base";
  }
}
function promptTokens(endpoint, body) {
  const model3 = typeof body.model === "string" ? body.model : "";
  return countRequestTokens(endpoint, body, encodingFor(model3)).input_tokens;
}
function textTokens(text, model3) {
  return countText(text, encodingFor(model3));
}

// src/emulator/answers/length.ts
import { createHash as createHash3 } from "node:crypto";
var LENGTH_CV = 0.3;
var REASONING_CV = 0.5;
var SHAPE_MEAN_MIN = 60;
var SHAPE_MEAN_MAX = 500;
var MODEL_FACTOR_MIN = 0.75;
var MODEL_FACTOR_SPAN = 0.6;
var EFFORT_FACTOR = { none: 0, minimal: 0, low: 1, medium: 3, high: 7, xhigh: 12 };
var REASONING_EFFORTS = Object.keys(EFFORT_FACTOR);
var DEFAULT_EFFORT = "medium";
function shapeOf(parts) {
  return createHash3("sha256").update(JSON.stringify(parts)).digest("base64");
}
function shapeMean(seed, modelKey, shape) {
  const u = hashUnit(seed, "shape-mean", shape);
  const base = Math.exp(Math.log(SHAPE_MEAN_MIN) + u * (Math.log(SHAPE_MEAN_MAX) - Math.log(SHAPE_MEAN_MIN)));
  return base * (MODEL_FACTOR_MIN + MODEL_FACTOR_SPAN * hashUnit(seed, "model-factor", modelKey));
}
function normal(seed, ...parts) {
  const u1 = Math.max(hashUnit(seed, "normal-1", ...parts), 1e-12);
  const u2 = hashUnit(seed, "normal-2", ...parts);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
function lognormal(mean, cv, z) {
  const sigma = Math.sqrt(Math.log(1 + cv * cv));
  return mean * Math.exp(sigma * z - sigma * sigma / 2);
}
function planLength(seed, modelKey, shape, key, index, effortFactor) {
  const mean = shapeMean(seed, modelKey, shape);
  const visible = Math.max(1, Math.round(lognormal(mean, LENGTH_CV, normal(seed, "visible", key, index))));
  const reasoning = effortFactor > 0 ? Math.max(1, Math.round(lognormal(mean * effortFactor, REASONING_CV, normal(seed, "reasoning", key, index)))) : 0;
  return { visible, reasoning };
}

// src/emulator/answers/text.ts
import { createHash as createHash4 } from "node:crypto";
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
  "made",
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
  "test",
  "output",
  "later",
  "than",
  "sync",
  "but",
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
  "after",
  "day",
  "quiet",
  "server",
  "its",
  "promise",
  "again",
  "we",
  "can",
  "see",
  "that",
  "it",
  "will",
  "be",
  "more",
  "time",
  "work",
  "data",
  "file",
  "run",
  "plan",
  "price",
  "cost",
  "save",
  "good",
  "fast",
  "slow",
  "part",
  "list",
  "each",
  "note",
  "then",
  "next",
  "first",
  "last",
  "read",
  "write",
  "send",
  "keep",
  "check",
  "find",
  "show",
  "give",
  "take",
  "start",
  "stop",
  "open",
  "close",
  "yes",
  "also",
  "just",
  "now",
  "only",
  "well",
  "very",
  "long",
  "small",
  "big",
  "new",
  "old",
  "right",
  "left",
  "top",
  "end",
  "point",
  "case",
  "way",
  "use",
  "help",
  "need",
  "want",
  "like",
  "know",
  "think",
  "look",
  "make",
  "come",
  "go",
  "get",
  "set",
  "put",
  "call",
  "ask",
  "tell",
  "say",
  "feel",
  "try",
  "leave",
  "move",
  "turn",
  "play",
  "live",
  "hold",
  "bring",
  "provide",
  "sit",
  "stand",
  "pay",
  "meet",
  "include",
  "continue",
  "learn",
  "change",
  "lead",
  "watch",
  "follow",
  "create",
  "speak",
  "allow",
  "add",
  "grow",
  "offer",
  "remember",
  "love",
  "consider",
  "buy",
  "wait",
  "serve",
  "expect",
  "build",
  "stay",
  "reach"
];
var NOT_IN_KEY = /* @__PURE__ */ new Set([
  "max_tokens",
  "max_completion_tokens",
  "max_output_tokens",
  "service_tier",
  "stream",
  "user",
  "metadata",
  "store",
  "prompt_cache_key",
  "prompt_cache_retention",
  "safety_identifier",
  "reasoning_effort",
  "reasoning"
]);
function answerKey(body) {
  const decisive = JSON.stringify(Object.fromEntries(Object.entries(body).filter(([k]) => !NOT_IN_KEY.has(k))));
  return createHash4("sha256").update(decisive).digest("base64");
}
function pieces(seed, key, index, count) {
  const next = seededStream(Math.floor(hashUnit(seed, "answer", key, index) * 4294967296));
  const out = [];
  let left = 0;
  let sentenceStart = true;
  while (out.length < count) {
    if (left === 0 && !sentenceStart) {
      out.push(".");
      sentenceStart = true;
      continue;
    }
    if (sentenceStart) left = 4 + Math.floor(next() * 15);
    const word = WORDS[Math.floor(next() * WORDS.length)];
    const first = out.length === 0;
    const shown = sentenceStart ? word.charAt(0).toUpperCase() + word.slice(1) : word;
    out.push(first ? shown : ` ${shown}`);
    sentenceStart = false;
    left--;
  }
  return out;
}
function encodedLength(text, model3) {
  return text.length === 0 ? 0 : encoderFor(encodingFor(model3)).encode_ordinary(text).length;
}
function composeAnswer(seed, key, index, length, budget, model3) {
  const truncated = budget !== null && length > budget;
  const count = truncated ? budget : length;
  const p = pieces(seed, key, index, count);
  if (!truncated && count >= 2 && p[count - 2] !== ".") p[count - 1] = ".";
  let text = p.join("");
  let tokens2 = encodedLength(text, model3);
  while (budget !== null && tokens2 > budget && p.length > 0) {
    p.pop();
    text = p.join("");
    tokens2 = encodedLength(text, model3);
  }
  return { text, tokens: tokens2, truncated };
}

// src/emulator/answers/generate.ts
var MINUTE_MS = 6e4;
var TTL_WRITING_MODELS_MS = 30 * MINUTE_MS;
var TTL_IN_MEMORY_MS = 10 * MINUTE_MS;
var TTL_DEFAULT_MS = 24 * 60 * MINUTE_MS;
function traitsFor(ctx, model3) {
  return (ctx.models ?? defaultModelCatalog()).traits(model3);
}
function answeredModel(ctx, model3) {
  return (ctx.models ?? defaultModelCatalog()).answeredName(model3);
}
function promptUsage(endpoint, body, traits, ctx) {
  const prompt = promptTokens(endpoint, body);
  const caches = ctx.mode === "batch" ? traits.cachesBatch : traits.cachesSync;
  if (!ctx.cache || !caches || prompt < CACHE_MIN_TOKENS) return { prompt, cached: 0, written: 0 };
  const model3 = body.model;
  const hashes = prefixBlockHashes(endpoint, body, model3, encodingFor(model3), Math.floor(prompt / CACHE_BLOCK));
  if (hashes.length < CACHE_MIN_BLOCKS) return { prompt, cached: 0, written: 0 };
  const ttl = traits.writesCache ? TTL_WRITING_MODELS_MS : body.prompt_cache_retention === "in_memory" ? TTL_IN_MEMORY_MS : TTL_DEFAULT_MS;
  const cached = ctx.cache.use(hashes, ttl) * CACHE_BLOCK;
  const written = traits.writesCache ? hashes.length * CACHE_BLOCK - cached : 0;
  return { prompt, cached, written };
}
function readEffort(value2, param) {
  if (value2 === void 0 || value2 === null) return null;
  if (typeof value2 !== "string" || !REASONING_EFFORTS.includes(value2)) throw invalidValue(param, value2, REASONING_EFFORTS);
  return value2;
}
function effectiveEffort(traits, requested) {
  return traits.reasoning ? requested ?? DEFAULT_EFFORT : null;
}
function generateChoice(r) {
  const plan = planLength(r.seed, r.traits.key, r.shape, r.key, r.index, r.effort === null ? 0 : EFFORT_FACTOR[r.effort]);
  const reasoning = r.budget === null ? plan.reasoning : Math.min(plan.reasoning, r.budget);
  const left = r.budget === null ? null : r.budget - reasoning;
  const fitted = composeAnswer(r.seed, r.key, r.index, plan.visible, left, r.model);
  return { text: fitted.text, visible: fitted.tokens, reasoning, truncated: fitted.truncated };
}
function echoedServiceTier(value2) {
  if (value2 === "priority" || value2 === "fast") return "priority";
  if (value2 === "flex" || value2 === "ultrafast") return value2;
  return "default";
}

// src/emulator/answers/params.ts
function requireModel(body) {
  const model3 = body.model;
  if (model3 === void 0 || model3 === null || model3 === "") {
    throw new ApiError(400, "you must provide a model parameter");
  }
  if (typeof model3 !== "string") throw invalidType("model", "a string", model3);
  return model3;
}
function requireField(body, name) {
  const value2 = body[name];
  if (value2 === void 0 || value2 === null) throw missingParameter(name);
  return value2;
}
function optionalInt(body, name, min, max = Infinity) {
  const value2 = body[name];
  if (value2 === void 0 || value2 === null) return null;
  if (typeof value2 !== "number" || !Number.isInteger(value2)) throw invalidType(name, "an integer", value2);
  return checkIntRange(name, value2, min, max);
}
function refuseStreaming(body) {
  if (body.stream === true) {
    throw new ApiError(400, "The batchwise emulator does not emulate streaming (stream: true).", { param: "stream" });
  }
}

// src/emulator/answers/chat.ts
function maxTokens(body) {
  return optionalInt(body, "max_completion_tokens", 1) ?? optionalInt(body, "max_tokens", 1);
}
function systemFingerprint(model3) {
  return `fp_${hashBytes(0, ["fingerprint", model3]).toString("hex").slice(0, 10)}`;
}
function chatShape(body) {
  const lead = [];
  for (const m of body.messages) {
    const role = m?.role;
    if (role !== "system" && role !== "developer") break;
    lead.push(m.content);
  }
  return shapeOf([lead, body.response_format ?? null, body.tools ?? null]);
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
    readEffort(body.reasoning_effort, "reasoning_effort");
    refuseStreaming(body);
  },
  answer(body, ctx) {
    this.check(body);
    const model3 = body.model;
    const traits = traitsFor(ctx, model3);
    const n = optionalInt(body, "n", 1, 128) ?? 1;
    const budget = maxTokens(body);
    const effort = effectiveEffort(traits, readEffort(body.reasoning_effort, "reasoning_effort"));
    const key = answerKey(body);
    const shape = chatShape(body);
    let visible = 0;
    let reasoning = 0;
    const choices = [];
    for (let index = 0; index < n; index++) {
      const c = generateChoice({ seed: ctx.seed, key, shape, index, model: model3, traits, effort, budget });
      visible += c.visible;
      reasoning += c.reasoning;
      choices.push({
        index,
        message: { role: "assistant", content: c.text, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: c.truncated ? "length" : "stop"
      });
    }
    const completion = visible + reasoning;
    const p = promptUsage("/v1/chat/completions", body, traits, ctx);
    return {
      body: {
        id: newId("chatcmpl-", 29),
        object: "chat.completion",
        created: ctx.now,
        model: answeredModel(ctx, model3),
        choices,
        usage: {
          prompt_tokens: p.prompt,
          completion_tokens: completion,
          total_tokens: p.prompt + completion,
          prompt_tokens_details: {
            cached_tokens: p.cached,
            audio_tokens: 0,
            // Only the models that bill cache writes report them (CompletionUsage in the SDK).
            ...traits.writesCache ? { cache_write_tokens: p.written } : {}
          },
          completion_tokens_details: {
            reasoning_tokens: reasoning,
            audio_tokens: 0,
            accepted_prediction_tokens: 0,
            rejected_prediction_tokens: 0
          }
        },
        service_tier: echoedServiceTier(body.service_tier),
        system_fingerprint: systemFingerprint(model3)
      },
      usage: { input_tokens: p.prompt, cached_tokens: p.cached, output_tokens: completion, reasoning_tokens: reasoning }
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
    const model3 = body.model;
    const n = optionalInt(body, "n", 1, 128) ?? 1;
    const budget = optionalInt(body, "max_tokens", 0) ?? DEFAULT_MAX_TOKENS;
    const key = answerKey(body);
    const traits = traitsFor(ctx, model3);
    const shape = shapeOf([]);
    const choices = [];
    let completion = 0;
    const count = prompts(body).length * n;
    for (let index = 0; index < count; index++) {
      const c = generateChoice({ seed: ctx.seed, key, shape, index, model: model3, traits, effort: null, budget });
      completion += c.visible;
      choices.push({ text: c.text, index, logprobs: null, finish_reason: c.truncated ? "length" : "stop" });
    }
    const prompt = promptTokens("/v1/completions", body);
    return {
      body: {
        id: newId("cmpl-", 29),
        object: "text_completion",
        created: ctx.now,
        model: answeredModel(ctx, model3),
        choices,
        usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
        system_fingerprint: systemFingerprint(model3)
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
function nativeDimensions(model3) {
  return NATIVE_DIMENSIONS[model3] ?? 1536;
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
function dimensions(body, model3) {
  const native = nativeDimensions(model3);
  const asked = optionalInt(body, "dimensions", 1, native);
  if (asked === null) return native;
  if (model3 === "text-embedding-ada-002") {
    throw new ApiError(400, "This model does not support specifying dimensions.", { param: "dimensions" });
  }
  return asked;
}
function vector(seed, model3, text, dims) {
  const next = seededStream(Math.floor(hashUnit(seed, "embedding", model3, text) * 4294967296));
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
    const model3 = requireModel(body);
    inputs(body);
    dimensions(body, model3);
    encodingFormat(body);
  },
  answer(body, ctx) {
    this.check(body);
    const model3 = body.model;
    const dims = dimensions(body, model3);
    const format = encodingFormat(body);
    const data = inputs(body).map((text, index) => {
      const v = vector(ctx.seed, model3, text, dims);
      const embedding = format === "base64" ? Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64") : Array.from(v);
      return { object: "embedding", index, embedding };
    });
    const prompt = promptTokens("/v1/embeddings", body);
    return {
      body: { object: "list", data, model: answeredModel(ctx, model3), usage: { prompt_tokens: prompt, total_tokens: prompt } },
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
    const model3 = typeof body.model === "string" ? body.model : "omni-moderation-latest";
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
      body: { id: newId("modr-", 24), model: answeredModel(ctx, model3), results },
      usage: { input_tokens: 0, cached_tokens: 0, output_tokens: 0, reasoning_tokens: 0 }
    };
  },
  reservedOutputTokens() {
    return 0;
  }
};

// src/emulator/answers/responses.ts
function requestedEffort(body) {
  const reasoning = body.reasoning;
  if (reasoning === void 0 || reasoning === null) return null;
  if (typeof reasoning !== "object" || Array.isArray(reasoning)) throw invalidType("reasoning", "an object", reasoning);
  return readEffort(reasoning.effort, "reasoning.effort");
}
function textFormat(body) {
  const text = body.text;
  return typeof text === "object" && text !== null ? text.format ?? null : null;
}
function responsesShape(body) {
  const lead = [typeof body.instructions === "string" ? body.instructions : null];
  if (Array.isArray(body.input)) {
    for (const item of body.input) {
      const role = item?.role;
      if (role !== "system" && role !== "developer") break;
      lead.push(item.content);
    }
  }
  return shapeOf([lead, textFormat(body), body.tools ?? null]);
}
var responsesEmulation = {
  endpoint: "/v1/responses",
  check(body) {
    requireModel(body);
    const input = requireField(body, "input");
    if (typeof input !== "string" && !Array.isArray(input)) throw invalidType("input", "a string or an array", input);
    optionalInt(body, "max_output_tokens", 16);
    requestedEffort(body);
    refuseStreaming(body);
  },
  answer(body, ctx) {
    this.check(body);
    const model3 = body.model;
    const traits = traitsFor(ctx, model3);
    const budget = optionalInt(body, "max_output_tokens", 16);
    const effort = effectiveEffort(traits, requestedEffort(body));
    const key = answerKey(body);
    const c = generateChoice({ seed: ctx.seed, key, shape: responsesShape(body), index: 0, model: model3, traits, effort, budget });
    const p = promptUsage("/v1/responses", body, traits, ctx);
    const output = c.visible + c.reasoning;
    const status = c.truncated ? "incomplete" : "completed";
    const items = [];
    if (traits.reasoning) {
      items.push({ id: `rs_${hashBytes(ctx.seed, ["rs", key]).toString("hex").slice(0, 48)}`, type: "reasoning", summary: [] });
    }
    if (c.visible > 0 || !c.truncated) {
      items.push({
        id: `msg_${hashBytes(ctx.seed, ["msg", key]).toString("hex").slice(0, 48)}`,
        type: "message",
        status,
        role: "assistant",
        content: [{ type: "output_text", text: c.text, annotations: [], logprobs: [] }]
      });
    }
    const summary = body.reasoning?.summary;
    return {
      body: {
        id: `resp_${newId("", 48).toLowerCase()}`,
        object: "response",
        created_at: ctx.now,
        status,
        background: false,
        error: null,
        incomplete_details: c.truncated ? { reason: "max_output_tokens" } : null,
        instructions: typeof body.instructions === "string" ? body.instructions : null,
        max_output_tokens: budget,
        model: answeredModel(ctx, model3),
        output: items,
        parallel_tool_calls: true,
        previous_response_id: null,
        reasoning: { effort, summary: effort === null ? null : summary ?? null },
        service_tier: echoedServiceTier(body.service_tier),
        store: body.store !== false,
        temperature: typeof body.temperature === "number" ? body.temperature : 1,
        text: { format: { type: "text" }, verbosity: "medium" },
        tool_choice: "auto",
        tools: [],
        top_p: typeof body.top_p === "number" ? body.top_p : 1,
        truncation: "disabled",
        usage: {
          input_tokens: p.prompt,
          input_tokens_details: { cached_tokens: p.cached, ...traits.writesCache ? { cache_write_tokens: p.written } : {} },
          output_tokens: output,
          output_tokens_details: { reasoning_tokens: c.reasoning },
          total_tokens: p.prompt + output
        },
        user: null,
        metadata: {}
      },
      usage: { input_tokens: p.prompt, cached_tokens: p.cached, output_tokens: output, reasoning_tokens: c.reasoning }
    };
  },
  reservedOutputTokens(body) {
    return optionalInt(body, "max_output_tokens", 16) ?? 0;
  }
};

// src/emulator/answers/index.ts
var EMULATED_ENDPOINTS = [
  "/v1/chat/completions",
  "/v1/responses",
  "/v1/embeddings",
  "/v1/completions",
  "/v1/moderations"
];
var EMULATIONS = {
  "/v1/chat/completions": chatEmulation,
  "/v1/responses": responsesEmulation,
  "/v1/embeddings": embeddingsEmulation,
  "/v1/completions": completionsEmulation,
  "/v1/moderations": moderationsEmulation
};
function emulationFor(endpoint) {
  const emulation = EMULATIONS[endpoint];
  if (!emulation) throw new Error(`the emulator does not answer ${endpoint}`);
  return emulation;
}

// src/emulator/expiresAfter.ts
var MIN_EXPIRES_AFTER_S = 3600;
var MAX_EXPIRES_AFTER_S = 2592e3;
function expiresAfterSeconds(param, anchor, seconds2) {
  if (anchor === null || anchor === void 0) throw missingParameter(`${param}.anchor`);
  if (anchor !== "created_at") throw invalidValue(`${param}.anchor`, anchor, ["created_at"]);
  if (seconds2 === null || seconds2 === void 0) throw missingParameter(`${param}.seconds`);
  if (typeof seconds2 !== "number" || !Number.isInteger(seconds2)) {
    throw new ApiError(400, `Invalid type for '${param}.seconds': expected an integer.`, { param: `${param}.seconds`, code: "invalid_type" });
  }
  return checkIntRange(`${param}.seconds`, seconds2, MIN_EXPIRES_AFTER_S, MAX_EXPIRES_AFTER_S);
}

// src/emulator/batchParams.ts
function readBatchParams(body) {
  for (const name of ["input_file_id", "endpoint", "completion_window"]) {
    if (body[name] === void 0 || body[name] === null) throw missingParameter(name);
  }
  if (typeof body.input_file_id !== "string") throw invalidType("input_file_id", "a string", body.input_file_id);
  if (!EMULATED_ENDPOINTS.includes(body.endpoint)) throw invalidValue("endpoint", body.endpoint, EMULATED_ENDPOINTS);
  if (body.completion_window !== "24h") throw invalidValue("completion_window", body.completion_window, ["24h"]);
  return {
    input_file_id: body.input_file_id,
    endpoint: body.endpoint,
    completion_window: "24h",
    metadata: readMetadata(body.metadata),
    outputExpiresAfterS: readOutputExpiresAfter(body.output_expires_after)
  };
}
function readOutputExpiresAfter(value2) {
  if (value2 === void 0 || value2 === null) return null;
  if (typeof value2 !== "object" || Array.isArray(value2)) throw invalidType("output_expires_after", "an object", value2);
  const v = value2;
  return expiresAfterSeconds("output_expires_after", v.anchor, v.seconds);
}
function readMetadata(value2) {
  if (value2 === void 0 || value2 === null) return null;
  if (typeof value2 !== "object" || Array.isArray(value2)) throw invalidType("metadata", "an object", value2);
  const entries2 = Object.entries(value2);
  if (entries2.length > 16) {
    throw new ApiError(
      400,
      `Invalid 'metadata': too many properties. Expected an object with at most 16 properties, but got an object with ${entries2.length} properties instead.`,
      { param: "metadata", code: "object_above_max_properties" }
    );
  }
  for (const [key, v] of entries2) {
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
  return { ...value2 };
}

// src/emulator/meters.ts
var TokenBucket = class {
  capacity;
  periodMs;
  scaled;
  last;
  constructor(capacity, periodMs, now2) {
    this.capacity = capacity;
    this.periodMs = periodMs;
    this.scaled = capacity * periodMs;
    this.last = now2;
  }
  refill(now2) {
    if (now2 <= this.last) return;
    this.scaled = Math.min(this.capacity * this.periodMs, this.scaled + (now2 - this.last) * this.capacity);
    this.last = now2;
  }
  waitFor(cost, now2) {
    this.refill(now2);
    if (cost > this.capacity) return Infinity;
    const missing = cost * this.periodMs - this.scaled;
    return missing <= 0 ? 0 : Math.ceil(missing / this.capacity);
  }
  take(cost, now2) {
    this.refill(now2);
    this.scaled -= cost * this.periodMs;
  }
  remaining(now2) {
    this.refill(now2);
    return Math.max(0, Math.floor(this.scaled / this.periodMs));
  }
  resetMs(now2) {
    this.refill(now2);
    return Math.ceil((this.capacity * this.periodMs - this.scaled) / this.capacity);
  }
};
var SlidingWindow = class {
  capacity;
  periodMs;
  oversize;
  entries = [];
  used = 0;
  constructor(capacity, periodMs, oversize = "never") {
    this.capacity = capacity;
    this.periodMs = periodMs;
    this.oversize = oversize;
  }
  expire(now2) {
    while (this.entries.length > 0 && this.entries[0].at + this.periodMs <= now2) this.used -= this.entries.shift().cost;
  }
  waitFor(cost, now2) {
    this.expire(now2);
    if (this.used + cost <= this.capacity) return 0;
    if (cost > this.capacity) {
      if (this.oversize === "never") return Infinity;
      return this.entries.length === 0 ? 0 : this.entries[this.entries.length - 1].at + this.periodMs - now2;
    }
    let left = this.used;
    for (const e of this.entries) {
      left -= e.cost;
      if (left + cost <= this.capacity) return e.at + this.periodMs - now2;
    }
    return this.periodMs;
  }
  take(cost, now2) {
    this.expire(now2);
    this.entries.push({ at: now2, cost });
    this.used += cost;
  }
  remaining(now2) {
    this.expire(now2);
    return Math.max(0, this.capacity - this.used);
  }
  /** The window is back to its full capacity when its newest entry leaves it. */
  resetMs(now2) {
    this.expire(now2);
    return this.entries.length > 0 ? this.entries[this.entries.length - 1].at + this.periodMs - now2 : 0;
  }
  usedNow(now2) {
    this.expire(now2);
    return this.used;
  }
};
function meterOf(kind, capacity, periodMs, now2) {
  return kind === "bucket" ? new TokenBucket(capacity, periodMs, now2) : new SlidingWindow(capacity, periodMs);
}
function usedOf(meter, now2) {
  return meter.capacity - meter.remaining(now2);
}

// src/emulator/rateLimiter.ts
var MINUTE_MS2 = 6e4;
var SECOND_MS = 1e3;
var VISIT = "Visit https://platform.openai.com/account/rate-limits to learn more.";
function retryHeaders(waitMs) {
  const ms = Math.max(1, Math.ceil(waitMs));
  return { "retry-after": String(Math.max(1, Math.ceil(ms / 1e3))), "retry-after-ms": String(ms) };
}
var RateLimiter = class {
  rpm;
  tpm;
  kind;
  perSecond;
  now;
  models = /* @__PURE__ */ new Map();
  constructor(opts) {
    this.rpm = opts.rpm;
    this.tpm = opts.tpm;
    this.kind = opts.limiter ?? "bucket";
    this.perSecond = opts.perSecond ?? false;
    this.now = opts.now ?? Date.now;
  }
  get enabled() {
    return this.rpm !== null || this.tpm !== null;
  }
  /** Admits one request of `tokens` for `model` (the limits' key; `shown` is the name the messages say) and returns
   *  the x-ratelimit-* headers, or throws the 429 (headers included). A refused request takes nothing. */
  take(model3, tokens2, shown = model3, now2 = this.now()) {
    if (!this.enabled) return {};
    const limits = this.limitsOf(model3, now2);
    const { requests, tokens: tokenLimit } = limits;
    if (requests) {
      const waitMs = Math.max(requests.minute.waitFor(1, now2), requests.second?.waitFor(1, now2) ?? 0);
      if (waitMs > 0) {
        const used = usedOf(requests.minute, now2);
        throw this.limited(
          `Rate limit reached for ${shown} in organization org-emulator on requests per min (RPM): Limit ${this.rpm}, Used ${used}, Requested 1. Please try again in ${formatGoDuration(waitMs)}. ${VISIT}`,
          "requests",
          waitMs,
          limits,
          now2
        );
      }
    }
    if (tokenLimit) {
      if (tokens2 > tokenLimit.minute.capacity) {
        throw this.limited(
          `Request too large for ${shown} in organization org-emulator on tokens per min (TPM): Limit ${this.tpm}, Requested ${tokens2}. The input or output tokens must be reduced in order to run successfully. ${VISIT}`,
          "tokens",
          null,
          limits,
          now2
        );
      }
      const waitMs = Math.max(tokenLimit.minute.waitFor(tokens2, now2), tokenLimit.second?.waitFor(tokens2, now2) ?? 0);
      if (waitMs > 0) {
        const used = usedOf(tokenLimit.minute, now2);
        throw this.limited(
          `Rate limit reached for ${shown} in organization org-emulator on tokens per min (TPM): Limit ${this.tpm}, Used ${used}, Requested ${tokens2}. Please try again in ${formatGoDuration(waitMs)}. ${VISIT}`,
          "tokens",
          waitMs,
          limits,
          now2
        );
      }
    }
    if (requests) {
      requests.minute.take(1, now2);
      requests.second?.take(1, now2);
    }
    if (tokenLimit) {
      tokenLimit.minute.take(tokens2, now2);
      tokenLimit.second?.take(tokens2, now2);
    }
    return this.headers(limits, now2);
  }
  limitsOf(model3, now2) {
    let limits = this.models.get(model3);
    if (!limits) {
      const limit = (perMinute) => perMinute === null ? null : {
        minute: meterOf(this.kind, perMinute, MINUTE_MS2, now2),
        second: this.perSecond ? new SlidingWindow(Math.ceil(perMinute / 60), SECOND_MS, "alone") : null
      };
      limits = { requests: limit(this.rpm), tokens: limit(this.tpm) };
      this.models.set(model3, limits);
    }
    return limits;
  }
  headers(limits, now2) {
    const out = {};
    if (limits.requests) {
      out["x-ratelimit-limit-requests"] = String(this.rpm);
      out["x-ratelimit-remaining-requests"] = String(limits.requests.minute.remaining(now2));
      out["x-ratelimit-reset-requests"] = formatGoDuration(limits.requests.minute.resetMs(now2));
    }
    if (limits.tokens) {
      out["x-ratelimit-limit-tokens"] = String(this.tpm);
      out["x-ratelimit-remaining-tokens"] = String(limits.tokens.minute.remaining(now2));
      out["x-ratelimit-reset-tokens"] = formatGoDuration(limits.tokens.minute.resetMs(now2));
    }
    return out;
  }
  limited(message, type, waitMs, limits, now2) {
    const headers = { ...this.headers(limits, now2), ...waitMs !== null ? retryHeaders(waitMs) : {} };
    return new ApiError(429, message, { type, code: "rate_limit_exceeded", headers });
  }
};

// src/emulator/persist.ts
import { rename, writeFile, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { randomBytes as randomBytes2 } from "node:crypto";
async function writeJsonAtomic(path2, data) {
  const tmp = `${path2}.${randomBytes2(4).toString("hex")}.tmp`;
  await writeFile(tmp, JSON.stringify(data));
  await rename(tmp, path2);
}
async function readJsonDir(dir) {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".json"));
  const out = [];
  for (const name of names) out.push(JSON.parse(await readFile(join(dir, name), "utf8")));
  return out;
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
  const model3 = typeof body.model === "string" ? body.model : "unknown";
  if (kind < 0.5) return serverError();
  if (kind < 0.83) {
    return new ApiError(
      429,
      `Rate limit reached for ${model3} in organization org-emulator on tokens per min (TPM): Limit 200000, Used 199500, Requested 1200. Please try again in 210ms. Visit https://platform.openai.com/account/rate-limits to learn more.`,
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
  let model3 = null;
  let inputTokens = 0;
  const maxLines = o.maxLines ?? MAX_LINES;
  for await (const raw of readJsonlLines(o.path)) {
    o.signal?.throwIfAborted();
    lines++;
    if (lines > maxLines) continue;
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
        if (o.deployments && !Object.hasOwn(o.deployments, m)) {
          report({ code: "DeploymentNotFound", line, message: `The API deployment '${m}' for this resource does not exist.`, param: "body.model" });
        }
        if (model3 === null) model3 = m;
        else if (m !== model3) {
          report({
            code: "model_mismatch",
            line,
            message: `The provided model '${m}' does not match the model '${model3}' of the other requests in this file. Each input file can only include requests to a single model.`,
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
  if (lines > maxLines) {
    errors.unshift({
      code: "too_many_tasks",
      line: null,
      message: `The batch input file contains ${lines.toLocaleString("en-US")} requests; the maximum is ${maxLines.toLocaleString("en-US")}.`,
      param: null
    });
  }
  return {
    total: lines,
    model: model3,
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
  let unfinishedWritten = 0;
  const emulation = emulationFor(o.endpoint);
  try {
    for await (const raw of readJsonlLines(o.inputPath)) {
      o.signal?.throwIfAborted();
      const req = JSON.parse(raw.text);
      const fate = lineFate(o.seed, o.failRate, o.ordinal, o.endpoint, req.custom_id, req.body);
      const id = newId("batch_req_", 32);
      if (fate.at > o.cutoff) {
        unfinished++;
        if (!o.writeUnfinished) continue;
        unfinishedWritten++;
        const error = { code: o.unfinishedCode, message: UNFINISHED[o.unfinishedCode] };
        await errors.add(`${JSON.stringify({ id, custom_id: req.custom_id, response: null, error })}
`);
        continue;
      }
      let failure = fate.failure;
      let answerBody = null;
      if (!failure) {
        try {
          const answer = emulation.answer(req.body, { seed: o.seed, now: o.now, mode: "batch", cache: o.cache, models: o.models });
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
  return { completed, failed, unfinished, unfinishedWritten, usage };
}

// src/emulator/batchService.ts
var DAY_MS = 864e5;
var HOUR_MS = 36e5;
var FINISHED = /* @__PURE__ */ new Set(["completed", "failed", "expired", "cancelled"]);
var ENQUEUED = /* @__PURE__ */ new Set(["in_progress", "finalizing"]);
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
  answering;
  models;
  /** "You can create up to 2,000 batches per hour" (GUIDE), kept with the same limiter kind as the sync limits. */
  creations;
  constructor(cfg, files, dir, answering = {}) {
    this.cfg = cfg;
    this.files = files;
    this.dir = join2(dir, "batches");
    this.answering = answering;
    this.models = answering.models ?? defaultModelCatalog();
    this.creations = Number.isFinite(cfg.creationsPerHour) ? meterOf(cfg.limiter, cfg.creationsPerHour, HOUR_MS, cfg.now()) : null;
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
      const file = this.files.get(r.batch.input_file_id, true);
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
  /** `expires: false`: Azure's Global Batch, which does not expire jobs. */
  create(body, opts = {}) {
    const expires = opts.expires ?? true;
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
    const now2 = this.cfg.now();
    if (this.creations) {
      const waitMs = this.creations.waitFor(1, now2);
      if (waitMs > 0) {
        const limit = this.cfg.creationsPerHour.toLocaleString("en-US");
        throw new ApiError(429, `Batch creation rate limit reached: you can create up to ${limit} batches per hour. Please try again in ${formatGoDuration(waitMs)}.`, {
          type: "requests",
          code: "rate_limit_exceeded",
          headers: retryHeaders(waitMs)
        });
      }
      this.creations.take(1, now2);
    }
    const created = seconds(now2);
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
      expires_at: expires ? created + 86400 : null,
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
        createdMs: now2,
        inProgressMs: null,
        cancellingMs: null,
        finalizingMs: null,
        expireAtMs: expires ? now2 + (this.cfg.expireAfterMs ?? DAY_MS) : null,
        completeAfterMs: this.cfg.completeAfterMs,
        seed: this.cfg.seed,
        failRate: this.cfg.failRate,
        inputTokens: 0,
        queueModel: null,
        outputExpiresAfterS: params.outputExpiresAfterS,
        ...expires ? {} : { azure: true }
      }
    };
    this.records.set(batch.id, record);
    this.persist(record);
    this.advance(record, now2);
    return structuredClone(batch);
  }
  retrieve(id) {
    const record = this.find(id);
    this.advance(record, this.cfg.now());
    return structuredClone(record.batch);
  }
  list(limit, after) {
    const now2 = this.cfg.now();
    const newest = [...this.records.values()].reverse();
    let start = 0;
    if (after !== null) {
      const at = newest.findIndex((r) => r.batch.id === after);
      start = at === -1 ? newest.length : at + 1;
    }
    const page = newest.slice(start, start + limit);
    for (const r of page) this.advance(r, now2);
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
    const now2 = this.cfg.now();
    this.advance(record, now2);
    const b = record.batch;
    if (FINISHED.has(b.status) || b.status === "finalizing") {
      throw new ApiError(409, `Cannot cancel a batch with status '${b.status}'.`);
    }
    if (b.status !== "cancelling") {
      b.status = "cancelling";
      b.cancelling_at = seconds(now2);
      record.internals.cancellingMs = now2;
      record.internals.cancelAfterMs = this.cfg.cancelAfterMs;
      record.internals.cancelledLines = this.cfg.cancelledLines;
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
    const now2 = this.cfg.now();
    for (const r of this.records.values()) if (!FINISHED.has(r.batch.status)) this.advance(r, now2);
  }
  /** Moves a batch as far as time and finished background work allow. */
  advance(record, now2) {
    if (this.abort.signal.aborted) return;
    const b = record.batch;
    const i = record.internals;
    switch (b.status) {
      case "validating": {
        const plan = this.planFor(record);
        if (!plan || now2 < i.createdMs + this.cfg.validateMs) return;
        if (plan.errors.length > 0) return this.fail(record, plan.errors, now2);
        const queueError = this.queueError(record, plan);
        if (queueError) return this.fail(record, [queueError], now2);
        b.status = "in_progress";
        b.in_progress_at = seconds(now2);
        b.model = plan.model === null ? null : this.models.answeredName(plan.model);
        b.request_counts.total = plan.total;
        i.inProgressMs = now2;
        i.inputTokens = plan.inputTokens;
        i.queueModel = this.queueOf(plan.model);
        this.persist(record);
        return;
      }
      case "in_progress": {
        const plan = this.planFor(record);
        const started = i.inProgressMs;
        if (i.expireAtMs !== null && now2 >= i.expireAtMs) {
          if (plan) this.setCounts(record, plan, this.fractionAt(record, i.expireAtMs));
          return this.finish(record, "expired", this.fractionAt(record, i.expireAtMs), now2);
        }
        if (now2 >= started + i.completeAfterMs) {
          b.status = "finalizing";
          b.finalizing_at = seconds(now2);
          i.finalizingMs = now2;
          if (plan) this.setCounts(record, plan, 1);
          this.persist(record);
          return this.finish(record, "completed", 1, now2);
        }
        if (plan) this.setCounts(record, plan, this.fractionAt(record, now2));
        return;
      }
      case "finalizing":
        if (now2 < (i.finalizingMs ?? 0) + this.cfg.finalizeMs) return;
        return this.finish(record, "completed", 1, now2);
      case "cancelling": {
        const doneMs = i.cancellingMs + (i.cancelAfterMs ?? this.cfg.cancelAfterMs);
        if (i.inProgressMs === null) {
          if (now2 < doneMs) return;
          b.status = "cancelled";
          b.cancelled_at = seconds(now2);
          this.persist(record);
          return;
        }
        const plan = this.planFor(record);
        if (plan) this.setCounts(record, plan, this.fractionAt(record, Math.min(now2, doneMs)));
        if (now2 < doneMs) return;
        return this.finish(record, "cancelled", this.fractionAt(record, doneMs), now2);
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
  fail(record, errors, now2) {
    record.batch.status = "failed";
    record.batch.failed_at = seconds(now2);
    record.batch.errors = { object: "list", data: errors };
    this.plans.delete(record.batch.id);
    this.persist(record);
  }
  /** The queue a model's batches share: its catalog key (a snapshot queues with its family). */
  queueOf(model3) {
    return model3 === null ? null : this.models.traits(model3).key;
  }
  /** "Enqueued token limit reached…": the batch's input tokens plus those of the model's batches in progress or
   *  finalizing, and of the ones created before it that are still validating but already counted (they passed or
   *  will pass this check first). The message and shape are the real ones, quoted in shared/reference/batch-api.md
   *  ("Queue (enqueued-token) limits"; openai/openai-python#2084): code `token_limit_exceeded`, line and param null,
   *  "Enqueued token limit reached for gpt-4o-mini in organization org-…. Limit: 2,000,000 enqueued tokens. Please try
   *  again once some in_progress batches have been completed." */
  queueError(record, plan) {
    const limit = this.cfg.queueLimit;
    if (limit === null || plan.model === null) return null;
    const queue = this.queueOf(plan.model);
    let enqueued = 0;
    for (const r of this.records.values()) {
      if (r === record) continue;
      if (ENQUEUED.has(r.batch.status)) {
        if ((r.internals.queueModel ?? this.queueOf(r.batch.model)) === queue) enqueued += r.internals.inputTokens;
      } else if (r.batch.status === "validating" && r.internals.ordinal < record.internals.ordinal) {
        const earlier = this.plans.get(r.batch.id);
        if (earlier && earlier.errors.length === 0 && this.queueOf(earlier.model) === queue) enqueued += earlier.inputTokens;
      }
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
    const file = this.files.get(record.batch.input_file_id, record.batch.status !== "validating");
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
        this.advance(record, this.cfg.now());
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
      signal: this.abort.signal,
      ...record.internals.azure ? { maxLines: 1e5, deployments: Object.keys(this.models.deployments).length > 0 ? this.models.deployments : null } : {}
    });
  }
  /** Writes the result files once, then ends the batch when they are ready. */
  finish(record, ending, cutoff, now2) {
    const b = record.batch;
    const running = this.finishing.get(b.id);
    if (running) {
      if (running.result) this.applyEnding(record, running.ending, running.result, now2);
      return;
    }
    const state = { ending, result: null };
    this.finishing.set(b.id, state);
    const file = this.files.get(b.input_file_id, true);
    const outputPath = this.files.tempPath();
    const errorPath = this.files.tempPath();
    const unfinishedCode = ending === "expired" ? "batch_expired" : "batch_cancelled";
    const writeUnfinished = ending === "expired" || (record.internals.cancelledLines ?? this.cfg.cancelledLines) === "error-file";
    const expiresAfterS = record.internals.outputExpiresAfterS ?? null;
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
        writeUnfinished,
        now: seconds(now2),
        signal: this.abort.signal,
        ...this.answering
      }) : { completed: 0, failed: 0, unfinished: 0, unfinishedWritten: 0, usage: { input_tokens: 0, cached_tokens: 0, output_tokens: 0, reasoning_tokens: 0 } };
      const output = summary.completed > 0 ? await this.files.adopt(outputPath, `${b.id}_output.jsonl`, "batch_output", expiresAfterS) : null;
      const errors = summary.failed + summary.unfinishedWritten > 0 ? await this.files.adopt(errorPath, `${b.id}_error.jsonl`, "batch_output", expiresAfterS) : null;
      await rm(outputPath, { force: true });
      await rm(errorPath, { force: true });
      return { summary, outputFileId: output?.id ?? null, errorFileId: errors?.id ?? null };
    })();
    this.track(
      job.then((result) => {
        state.result = result;
        this.advance(record, this.cfg.now());
      })
    );
  }
  applyEnding(record, ending, result, now2) {
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
    if (ending === "completed") b.completed_at = seconds(now2);
    if (ending === "expired") b.expired_at = seconds(now2);
    if (ending === "cancelled") b.cancelled_at = seconds(now2);
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
  now;
  constructor(dir, now2 = Date.now) {
    this.dir = dir;
    this.now = now2;
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
  /** Turns a finished temp body into a File object. `expiresAfterS` is the upload's `expires_after.seconds` (or the
   *  batch's `output_expires_after.seconds`), anchored at the file's creation; without it batch files expire after
   *  30 days ("By default, files with purpose=batch expire after 30 days"; "The output file will automatically be
   *  deleted 30 days after the batch is complete") and others never. */
  async adopt(tempPath, filename, purpose, expiresAfterS = null) {
    const id = newId("file-", 22);
    const { size } = await stat(tempPath);
    await rename2(tempPath, this.bodyPath(id));
    const now2 = Math.floor(this.now() / 1e3);
    const expiring = purpose === "batch" || purpose === "batch_output";
    const file = {
      id,
      object: "file",
      bytes: size,
      created_at: now2,
      expires_at: expiresAfterS !== null ? now2 + expiresAfterS : expiring ? now2 + THIRTY_DAYS_S : null,
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
  /** The file, unless it is unknown or has expired (`includeExpired`: the emulator's own reads of a running batch's
   *  input, which the real API would not lose half-way). */
  get(id, includeExpired = false) {
    const file = this.files.get(id)?.file;
    if (!file || !includeExpired && this.expired(file)) return void 0;
    return file;
  }
  /** Newest first, as GET /v1/files lists them by default; expired files are not listed. */
  listNewestFirst() {
    return [...this.files.values()].reverse().map((s) => s.file).filter((f) => !this.expired(f));
  }
  expired(file) {
    return file.expires_at !== null && this.now() >= file.expires_at * 1e3;
  }
  bodyPath(id) {
    return join3(this.dir, "files", `${id}.body`);
  }
  /** False for an unknown or expired file (the API's 404). */
  async delete(id) {
    const stored = this.files.get(id);
    if (!stored || this.expired(stored.file)) return false;
    this.files.delete(id);
    await rm2(this.metaPath(id), { force: true });
    await rm2(this.bodyPath(id), { force: true });
    return true;
  }
  metaPath(id) {
    return join3(this.dir, "files", `${id}.json`);
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
var readBodies = /* @__PURE__ */ new WeakMap();
function readJsonBody(req) {
  let read = readBodies.get(req);
  if (!read) {
    read = readJsonBodyOnce(req);
    readBodies.set(req, read);
  }
  return read;
}
async function readJsonBodyOnce(req) {
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
  const value2 = Number(raw);
  if (!Number.isInteger(value2)) {
    throw new ApiError(400, `Invalid type for '${name}': expected an integer, but got a string instead.`, { param: name, code: "invalid_type" });
  }
  return checkIntRange(name, value2, min, max);
}

// src/emulator/routes/batches.ts
var batchRoutes = [
  {
    method: "POST",
    pattern: /^\/v1\/batches$/,
    async handle(ctx, services) {
      const body = await readJsonBody(ctx.req);
      sendJson(ctx.res, 200, services.batches.create(ctx.azure ? azureEndpoint(body) : body, { expires: !ctx.azure }), ctx.headers);
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
function azureEndpoint(body) {
  const e = body.endpoint;
  return typeof e === "string" && /^\/(chat\/completions|responses)$/.test(e) ? { ...body, endpoint: `/v1${e}` } : body;
}

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
  const upload3 = { purpose: null, expiresAnchor: null, expiresSeconds: null, filename: null, tempPath: null, tooLarge: false };
  let parser;
  try {
    parser = (0, import_busboy.default)({ headers: ctx.req.headers, limits: { fileSize: MAX_FILE_BYTES, files: 1 } });
  } catch {
    ctx.req.resume();
    throw new ApiError(400, "Invalid request: expected a multipart/form-data body with 'file' and 'purpose'.");
  }
  const writes = [];
  parser.on("field", (name, value2) => {
    if (name === "purpose") upload3.purpose = value2;
    if (name === "expires_after[anchor]") upload3.expiresAnchor = value2;
    if (name === "expires_after[seconds]") upload3.expiresSeconds = value2;
  });
  parser.on("file", (name, stream, info) => {
    if (name !== "file" || upload3.tempPath !== null) {
      stream.resume();
      return;
    }
    upload3.filename = info.filename ?? "file";
    upload3.tempPath = services.files.tempPath();
    stream.on("limit", () => {
      upload3.tooLarge = true;
    });
    writes.push(pipeline(stream, createWriteStream2(upload3.tempPath)));
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
    if (upload3.tempPath) await rm3(upload3.tempPath, { force: true });
    throw new ApiError(400, "The multipart body could not be read.");
  }
  return upload3;
}
function readExpiresAfter(received) {
  if (received.expiresAnchor === null && received.expiresSeconds === null) return null;
  return expiresAfterSeconds("expires_after", received.expiresAnchor, received.expiresSeconds === null ? null : Number(received.expiresSeconds));
}
var upload = {
  method: "POST",
  pattern: /^\/v1\/files$/,
  async handle(ctx, services) {
    const received = await receiveUpload(ctx, services);
    const discard = async () => {
      if (received.tempPath) await rm3(received.tempPath, { force: true });
    };
    let expiresAfterS = null;
    try {
      if (received.tempPath === null || received.filename === null) throw missingParameter("file");
      if (received.purpose === null) throw missingParameter("purpose");
      if (!UPLOAD_PURPOSES.includes(received.purpose)) throw invalidValue("purpose", received.purpose, UPLOAD_PURPOSES);
      expiresAfterS = readExpiresAfter(received);
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
    const file = await services.files.adopt(received.tempPath, received.filename, received.purpose, expiresAfterS);
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
var FALLBACK = ["gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "gpt-5-mini", "text-embedding-3-small", "text-embedding-3-large"];
function model(id) {
  return { id, object: "model", created: 1715367049, owned_by: "system" };
}
function modelNotFound(id) {
  return new ApiError(404, `The model \`${id}\` does not exist or you do not have access to it.`, { code: "model_not_found" });
}
var modelRoutes = [
  {
    method: "GET",
    pattern: /^\/v1\/models$/,
    async handle(ctx, services) {
      const names = services.models.names() ?? FALLBACK;
      sendJson(ctx.res, 200, { object: "list", data: names.map(model) }, ctx.headers);
    }
  },
  {
    method: "GET",
    pattern: /^\/v1\/models\/(.+)$/,
    async handle(ctx, services) {
      const id = decodeURIComponent(ctx.params[0]);
      if (!services.models.knows(id)) throw modelNotFound(id);
      sendJson(ctx.res, 200, model(id), ctx.headers);
    }
  }
];

// src/emulator/routes/sync.ts
import { setTimeout as sleep } from "node:timers/promises";

// src/emulator/limitTokens.ts
var PROMPT_FIELDS = ["messages", "input", "prompt", "instructions", "tools"];
var CHARS_PER_TOKEN = 4;
function promptCharacters(body) {
  let chars = 0;
  const walk = (value2) => {
    if (typeof value2 === "string") {
      if (!value2.startsWith("data:")) chars += value2.length;
    } else if (typeof value2 === "number") {
      chars += CHARS_PER_TOKEN;
    } else if (Array.isArray(value2)) {
      for (const v of value2) walk(v);
    } else if (value2 !== null && typeof value2 === "object") {
      for (const v of Object.values(value2)) walk(v);
    }
  };
  for (const field of PROMPT_FIELDS) walk(body[field]);
  return chars;
}
function limitTokens(endpoint, body, emulation, counting) {
  const reserved = emulation.reservedOutputTokens(body);
  if (counting === "sum") return promptTokens(endpoint, body) + reserved;
  return Math.max(reserved, Math.ceil(promptCharacters(body) / CHARS_PER_TOKEN));
}

// src/emulator/routes/sync.ts
var FLEX_ENDPOINTS = /* @__PURE__ */ new Set(["/v1/chat/completions", "/v1/responses"]);
function flexUnavailable() {
  return new ApiError(429, "Resource unavailable: flex processing has no capacity for this request right now. Please retry later or use the default service tier.", {
    type: "server_error",
    code: "resource_unavailable"
  });
}
var PRIORITY_TIERS = /* @__PURE__ */ new Set(["priority", "fast", "ultrafast"]);
function answerDelayMs(cfg, tier, flex, draw) {
  const factor = flex ? cfg.flexSlowdownFactor : typeof tier === "string" && PRIORITY_TIERS.has(tier) ? cfg.priorityLatencyFactor : 1;
  const jitter = 1 + cfg.latencyJitter * (2 * draw - 1);
  return Math.max(0, cfg.latencyMs * factor * jitter) + (flex ? cfg.flexDelayMs : 0);
}
async function answerSync(endpoint, ctx, services) {
  const body = await readJsonBody(ctx.req);
  const emulation = emulationFor(endpoint);
  emulation.check(body);
  const model3 = typeof body.model === "string" ? body.model : "omni-moderation-latest";
  const flex = body.service_tier === "flex" && FLEX_ENDPOINTS.has(endpoint);
  if (flex && services.random() < services.cfg.flexUnavailableRate) throw flexUnavailable();
  let limitHeaders = {};
  if (services.limiter.enabled) {
    const tokens2 = limitTokens(endpoint, body, emulation, services.cfg.tokenCounting);
    limitHeaders = services.limiter.take(services.models.traits(model3).key, tokens2, model3);
  }
  const delayMs = answerDelayMs(services.cfg, body.service_tier, flex, services.latencyRandom());
  if (delayMs > 0) await sleep(delayMs, void 0, { signal: services.closing });
  const answer = emulation.answer(body, {
    seed: services.cfg.seed,
    now: Math.floor(services.cfg.now() / 1e3),
    mode: "sync",
    cache: services.cache,
    models: services.models
  });
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

// src/emulator/anthropic/index.ts
import { setTimeout as sleep2 } from "node:timers/promises";
import { createReadStream as createReadStream2 } from "node:fs";
import { stat as stat2 } from "node:fs/promises";

// src/emulator/anthropic/answerMessage.ts
import { createHash as createHash6 } from "node:crypto";

// src/emulator/anthropic/promptTokens.ts
import { createHash as createHash5 } from "node:crypto";
var PER_MESSAGE = 4;
var PER_REQUEST = 3;
var URL_IMAGE_TOKENS = 1600;
var DOCUMENT_TOKENS = 1500;
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function imageTokens(source) {
  if (!isObject(source) || source.type !== "base64" || typeof source.data !== "string") return URL_IMAGE_TOKENS;
  const size = readDataUrlImageSize(`data:${String(source.media_type)};base64,${source.data}`);
  if (!size) return URL_IMAGE_TOKENS;
  const scale = Math.min(1, 1568 / Math.max(size.width, size.height), Math.sqrt(115e4 / (size.width * size.height)));
  return Math.max(1, Math.ceil(size.width * scale * (size.height * scale) / 750));
}
function ttlOf(block) {
  if (!isObject(block) || !isObject(block.cache_control)) return null;
  return block.cache_control.ttl === "1h" ? "1h" : "5m";
}
function countPrompt(params) {
  const model3 = typeof params.model === "string" ? params.model : "";
  const ratio2 = tokenRatioFor("anthropic", model3);
  const text = (s) => approximateTokens(countText(s, "o200k_base"), ratio2);
  let tokens2 = PER_REQUEST;
  const digest = createHash5("sha256").update(model3);
  const breakpoints = [];
  const add = (block, count) => {
    tokens2 += count;
    digest.update("\0").update(JSON.stringify(block));
    const ttl = ttlOf(block);
    if (ttl) breakpoints.push({ tokens: tokens2, ttl, prefix: digest.copy().digest("base64") });
  };
  const blockTokens = (b) => {
    if (typeof b === "string") return text(b);
    if (!isObject(b)) return 0;
    switch (b.type) {
      case "text":
        return typeof b.text === "string" ? text(b.text) : 0;
      case "image":
        return imageTokens(b.source);
      case "document":
        return DOCUMENT_TOKENS + (typeof b.title === "string" ? text(b.title) : 0);
      case "tool_use":
        return text(String(b.name ?? "")) + text(JSON.stringify(b.input ?? {}));
      case "tool_result": {
        const c = b.content;
        if (typeof c === "string") return text(c);
        return Array.isArray(c) ? c.reduce((sum, x) => sum + blockTokens(x), 0) : 0;
      }
      case "thinking":
        return typeof b.thinking === "string" ? text(b.thinking) : 0;
      default:
        return text(JSON.stringify(b));
    }
  };
  if (Array.isArray(params.tools)) {
    for (const t of params.tools) add(t, text(JSON.stringify({ name: isObject(t) ? t.name : "", description: isObject(t) ? t.description : "", input_schema: isObject(t) ? t.input_schema : {} })));
  }
  if (typeof params.system === "string") add(params.system, text(params.system));
  else if (Array.isArray(params.system)) for (const b of params.system) add(b, blockTokens(b));
  if (Array.isArray(params.messages)) {
    for (const m of params.messages) {
      tokens2 += PER_MESSAGE;
      digest.update(`${isObject(m) ? String(m.role) : ""}`);
      const content2 = isObject(m) ? m.content : void 0;
      if (typeof content2 === "string") add(content2, text(content2));
      else if (Array.isArray(content2)) for (const b of content2) add(b, blockTokens(b));
    }
  }
  const top = ttlOf(params);
  if (top && (breakpoints.length === 0 || breakpoints.at(-1).tokens < tokens2)) {
    breakpoints.push({ tokens: tokens2, ttl: top, prefix: digest.copy().digest("base64") });
  }
  return { tokens: tokens2, breakpoints };
}

// src/emulator/anthropic/answerMessage.ts
var CLAUDE_EFFORT_FACTOR = { ...EFFORT_FACTOR, max: 16 };
var NOT_IN_KEY2 = /* @__PURE__ */ new Set(["max_tokens", "stop_sequences", "metadata", "service_tier", "stream", "thinking", "output_config", "cache_control", "inference_geo", "speed"]);
var isObject2 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function answerKey2(params) {
  const decisive = Object.fromEntries(Object.entries(params).filter(([k]) => !NOT_IN_KEY2.has(k)));
  return createHash6("sha256").update(JSON.stringify(decisive)).digest("base64");
}
function thinkingFactor(params, model3) {
  const thinking = isObject2(params.thinking) ? params.thinking.type : void 0;
  if (thinking === "disabled") return 0;
  if (thinking === void 0 && !model3.thinksByDefault) return 0;
  const effort = isObject2(params.output_config) && typeof params.output_config.effort === "string" ? params.output_config.effort : model3.defaultEffort;
  return CLAUDE_EFFORT_FACTOR[effort] ?? CLAUDE_EFFORT_FACTOR.high;
}
function sampleOf(schema, depth = 0) {
  if (!isObject2(schema) || depth > 8) return null;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "object": {
      const props = isObject2(schema.properties) ? schema.properties : {};
      const required = Array.isArray(schema.required) ? schema.required.filter((r) => typeof r === "string") : [];
      return Object.fromEntries(required.map((k) => [k, sampleOf(props[k], depth + 1)]));
    }
    case "array":
      return [];
    case "string":
      return "value";
    case "integer":
    case "number":
      return 0;
    case "boolean":
      return false;
    default:
      return null;
  }
}
function forcedTool(params) {
  const choice = isObject2(params.tool_choice) ? params.tool_choice : null;
  const tools = Array.isArray(params.tools) ? params.tools.filter(isObject2) : [];
  if (!choice || tools.length === 0) return null;
  if (choice.type === "tool") return tools.find((t) => t.name === choice.name) ?? null;
  if (choice.type === "any") return tools[0];
  return null;
}
function answerMessage(params, model3, ctx) {
  const name = params.model;
  const budget = params.max_tokens;
  const key = answerKey2(params);
  const shape = shapeOf([params.system ?? null, isObject2(params.output_config) ? params.output_config.format ?? null : null, params.tools ?? null]);
  const plan = planLength(ctx.seed, model3.key, shape, key, 0, thinkingFactor(params, model3));
  const thinkingBudget = isObject2(params.thinking) && typeof params.thinking.budget_tokens === "number" ? params.thinking.budget_tokens : Infinity;
  const thinking = Math.min(plan.reasoning, thinkingBudget, budget);
  const left = budget - thinking;
  const content2 = [];
  if (thinking > 0) content2.push({ type: "thinking", thinking: "", signature: hashBytes(ctx.seed, ["signature", key]).toString("base64") });
  let visible = 0;
  let stopReason = "end_turn";
  let stopSequence = null;
  const tool = forcedTool(params);
  if (tool && left > 0) {
    const input = sampleOf(tool.input_schema) ?? {};
    visible = Math.min(left, textTokens(String(tool.name) + JSON.stringify(input), name));
    content2.push({ type: "tool_use", id: newId("toolu_01", 22), name: tool.name, input, caller: { type: "direct" } });
    stopReason = "tool_use";
  } else {
    const fitted = composeAnswer(ctx.seed, key, 0, plan.visible, left, name);
    let text = fitted.text;
    visible = fitted.tokens;
    if (fitted.truncated || left <= 0) stopReason = "max_tokens";
    const stops = Array.isArray(params.stop_sequences) ? params.stop_sequences : [];
    let cut = -1;
    for (const s of stops) {
      const at = text.indexOf(s);
      if (at !== -1 && (cut === -1 || at < cut)) {
        cut = at;
        stopSequence = s;
      }
    }
    if (cut !== -1) {
      text = text.slice(0, cut);
      visible = textTokens(text, name);
      stopReason = "stop_sequence";
    }
    if (text !== "") content2.push({ type: "text", text, citations: null });
  }
  const prompt = countPrompt(params);
  const cache = ctx.cache.use(prompt.breakpoints, ctx.now);
  return {
    id: newId("msg_01", 22),
    type: "message",
    role: "assistant",
    model: name,
    content: content2,
    stop_reason: stopReason,
    stop_sequence: stopSequence,
    stop_details: null,
    container: null,
    diagnostics: null,
    usage: {
      input_tokens: prompt.tokens - cache.read - cache.written,
      cache_creation_input_tokens: cache.written,
      cache_read_input_tokens: cache.read,
      cache_creation: { ephemeral_5m_input_tokens: cache.written5m, ephemeral_1h_input_tokens: cache.written1h },
      output_tokens: visible + thinking,
      output_tokens_details: { thinking_tokens: thinking },
      server_tool_use: null,
      service_tier: ctx.mode === "batch" ? "batch" : "standard",
      inference_geo: null,
      speed: null
    }
  };
}

// src/emulator/anthropic/batchStore.ts
import { createWriteStream as createWriteStream3 } from "node:fs";
import { once as once2 } from "node:events";
import { rm as rm4 } from "node:fs/promises";

// src/emulator/anthropic/errors.ts
var STATUS = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  conflict_error: 409,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529
};
var AnthropicApiError = class extends Error {
  type;
  status;
  /** Sent with the error (a 429's rate-limit headers and retry-after). */
  headers;
  constructor(type, message, headers = {}) {
    super(message);
    this.name = "AnthropicApiError";
    this.type = type;
    this.status = STATUS[type] ?? 500;
    this.headers = headers;
  }
  /** The error object as batch results carry it (`result.error`) and as the HTTP body is. */
  body(requestId2) {
    return { type: "error", error: { type: this.type, message: this.message }, request_id: requestId2 };
  }
};
var invalid = (message) => new AnthropicApiError("invalid_request_error", message);
var apiError = () => new AnthropicApiError("api_error", "Internal server error");
var overloaded = () => new AnthropicApiError("overloaded_error", "Overloaded");
function sendAnthropicJson(res, status, body, headers) {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
function sendAnthropicError(res, err, requestId2) {
  sendAnthropicJson(res, err.status, err.body(requestId2), { ...err.headers, "request-id": requestId2 });
}

// src/emulator/anthropic/validateParams.ts
var API_VERSIONS = ["2023-06-01", "2026-10-21"];
var KNOWN = /* @__PURE__ */ new Set([
  "model",
  "max_tokens",
  "messages",
  "system",
  "metadata",
  "stop_sequences",
  "stream",
  "temperature",
  "top_p",
  "top_k",
  "tools",
  "tool_choice",
  "thinking",
  "output_config",
  "service_tier",
  "cache_control",
  "container",
  "inference_geo",
  "speed",
  "diagnostics",
  "context_management",
  "mcp_servers"
]);
var COUNT_KNOWN = /* @__PURE__ */ new Set(["model", "messages", "system", "tools", "tool_choice", "thinking", "output_config", "cache_control", "speed", "context_management", "mcp_servers"]);
var EFFORTS = /* @__PURE__ */ new Set(["low", "medium", "high", "xhigh", "max"]);
var NO_FORCED_TOOLS = /* @__PURE__ */ new Set(["claude-opus-5-5", "claude-sonnet-5-5", "claude-fable-5-1", "claude-fable-5-2"]);
var NO_PREFILL = /* @__PURE__ */ new Set(["claude-opus-5-5", "claude-haiku-5-5"]);
var isObject3 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function claudeVersion(model3) {
  const m = /^claude-[a-z]+-(\d+)(?:-(\d))?(?:-\d{8})?$/.exec(model3);
  return m === null ? null : Number(m[1]) + (m[2] === void 0 ? 0 : Number(m[2]) / 10);
}
function checkContent(content2, where) {
  if (typeof content2 === "string") {
    if (content2 === "") throw invalid(`${where}: text content blocks must be non-empty`);
    return;
  }
  if (!Array.isArray(content2) || content2.length === 0) throw invalid(`${where}: Input should be a valid list with at least 1 item`);
  content2.forEach((b, i) => {
    if (!isObject3(b) || typeof b.type !== "string") throw invalid(`${where}.${i}: Input should be a valid content block`);
    if (b.type === "text" && (typeof b.text !== "string" || b.text === "")) throw invalid(`${where}.${i}: text content blocks must be non-empty`);
  });
}
function checkSampling(p, model3, version) {
  for (const name of ["temperature", "top_p", "top_k"]) {
    if (p[name] === void 0) continue;
    if (version === "2026-10-21") throw invalid(`${name}: Extra inputs are not permitted in API version 2026-10-21`);
  }
  const v = claudeVersion(model3);
  const defaultsOnly = v === null || v >= 4.7;
  if (p.temperature !== void 0) {
    if (typeof p.temperature !== "number" || p.temperature < 0 || p.temperature > 1) throw invalid("temperature: Input should be less than or equal to 1");
    if (defaultsOnly && p.temperature !== 1) throw invalid(`temperature: ${model3} only supports the default temperature of 1.0`);
  }
  if (p.top_p !== void 0) {
    if (typeof p.top_p !== "number" || p.top_p < 0 || p.top_p > 1) throw invalid("top_p: Input should be less than or equal to 1");
    if (defaultsOnly && p.top_p < 0.99) throw invalid(`top_p: ${model3} only supports top_p values of 0.99 or above`);
  }
  if (p.top_k !== void 0 && defaultsOnly) throw invalid(`top_k: ${model3} does not support top_k`);
  if (p.temperature !== void 0 && p.top_p !== void 0 && v !== null && v >= 4.1 && v < 4.7) {
    throw invalid("`temperature` and `top_p` cannot both be specified for this model. Please use only one.");
  }
}
function checkThinking(p, model3) {
  const type = isObject3(p.thinking) ? p.thinking.type : void 0;
  if (type !== "enabled" && type !== "adaptive") return;
  const v = claudeVersion(model3);
  if (type === "enabled" && (v === null || v >= 4.7)) throw invalid(`thinking.type "enabled" is not supported for ${model3}; use thinking.type "adaptive" and output_config.effort`);
  if (p.temperature !== void 0 && p.temperature !== 1) throw invalid("temperature may only be set to 1 when thinking is enabled");
  if (p.top_k !== void 0) throw invalid("top_k is not supported when thinking is enabled");
  if (typeof p.top_p === "number" && p.top_p < 0.95) throw invalid("top_p must be between 0.95 and 1 when thinking is enabled");
  const choice = isObject3(p.tool_choice) ? p.tool_choice.type : void 0;
  if (choice === "any" || choice === "tool") throw invalid("Thinking may not be enabled when tool_choice forces tool use.");
}
function validateParams(raw, models, version, mode2) {
  if (!isObject3(raw)) throw invalid("params: Input should be a valid dictionary");
  const p = raw;
  const known = mode2 === "count" ? COUNT_KNOWN : KNOWN;
  for (const key of Object.keys(p)) {
    if (!known.has(key)) throw invalid(`${key}: Extra inputs are not permitted`);
  }
  if (typeof p.model !== "string" || p.model === "") throw invalid("model: Field required");
  if (!Array.isArray(p.messages)) throw invalid("messages: Field required");
  if (mode2 !== "count") {
    if (p.max_tokens === void 0) throw invalid("max_tokens: Field required");
    const min = mode2 === "batch" ? 1 : 0;
    if (typeof p.max_tokens !== "number" || !Number.isInteger(p.max_tokens) || p.max_tokens < min) {
      throw invalid(`max_tokens: Input should be greater than or equal to ${min}`);
    }
  }
  if (p.stream === true) {
    throw invalid(mode2 === "batch" ? "stream: streaming is not supported in Message Batches" : "stream: the batchwise emulator does not emulate streaming");
  }
  p.messages.forEach((m, i) => {
    if (!isObject3(m) || m.role !== "user" && m.role !== "assistant" && m.role !== "system") throw invalid(`messages.${i}.role: Input should be 'user' or 'assistant'`);
    checkContent(m.content, `messages.${i}.content`);
  });
  if (p.messages.length === 0) throw invalid("messages: at least one message is required");
  if (p.system !== void 0 && typeof p.system !== "string") checkContent(p.system, "system");
  if (p.stop_sequences !== void 0) {
    if (!Array.isArray(p.stop_sequences) || !p.stop_sequences.every((s) => typeof s === "string" && s.trim() !== "")) {
      throw invalid("stop_sequences: each stop sequence must contain non-whitespace");
    }
  }
  const oc = p.output_config;
  if (oc !== void 0 && (!isObject3(oc) || oc.effort !== void 0 && oc.effort !== null && !EFFORTS.has(String(oc.effort)))) {
    throw invalid("output_config.effort: Input should be 'low', 'medium', 'high', 'xhigh' or 'max'");
  }
  if (isObject3(p.thinking) && p.thinking.type === "enabled") {
    const budget = p.thinking.budget_tokens;
    if (typeof budget !== "number" || budget < 1024) throw invalid("thinking.budget_tokens: Input should be greater than or equal to 1024");
    if (mode2 !== "count" && budget >= p.max_tokens) throw invalid("max_tokens must be greater than thinking.budget_tokens");
  }
  checkSampling(p, p.model, version);
  checkThinking(p, p.model);
  const model3 = models.find(p.model);
  if (!model3) throw new AnthropicApiError("not_found_error", `model: ${p.model}`);
  if (mode2 !== "count" && model3.maxOutputTokens !== null && p.max_tokens > model3.maxOutputTokens) {
    throw invalid(`max_tokens: ${String(p.max_tokens)} > ${model3.maxOutputTokens}, which is the maximum allowed number of output tokens for ${p.model}`);
  }
  const choice = isObject3(p.tool_choice) ? p.tool_choice.type : void 0;
  if ((choice === "any" || choice === "tool") && NO_FORCED_TOOLS.has(model3.key)) {
    throw invalid(`tool_choice: forced tool use (type "${String(choice)}") is not supported by ${p.model}`);
  }
  if (choice === "tool" && !(Array.isArray(p.tools) && p.tools.some((t) => isObject3(t) && t.name === p.tool_choice.name))) {
    throw invalid(`tool_choice: tool ${JSON.stringify(p.tool_choice.name)} is not among the tools`);
  }
  const last = p.messages.at(-1);
  if (last.role === "assistant" && NO_PREFILL.has(model3.key)) {
    throw invalid(`${p.model} does not support assistant message prefill; the conversation must end with a user message`);
  }
  return { params: p, model: model3 };
}

// src/emulator/anthropic/batchStore.ts
var DAY_MS2 = 864e5;
var RETENTION_MS = 29 * DAY_MS2;
var MAX_REQUESTS = 1e5;
var CUSTOM_ID = /^[a-zA-Z0-9_-]{1,64}$/;
var SHUFFLE_WINDOW2 = 256;
var iso = (ms) => new Date(ms).toISOString();
var isObject4 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function injectedFailure2(kind) {
  return kind < 0.5 ? apiError() : overloaded();
}
var MessageBatchStore = class {
  o;
  /** Insertion order is creation order. */
  batches = /* @__PURE__ */ new Map();
  ordinal = 0;
  constructor(o) {
    this.o = o;
  }
  /** Checks the envelope (what the API refuses at once), keeps the requests, and starts the batch. Params are only
   *  validated per request, into errored results (asynchronous validation). */
  async create(body, version, origin) {
    if (!isObject4(body) || !Array.isArray(body.requests)) throw invalid("requests: Field required");
    const requests = body.requests;
    if (requests.length === 0) throw invalid("requests: List should have at least 1 item after validation, not 0");
    if (requests.length > MAX_REQUESTS) throw invalid(`requests: List should have at most ${MAX_REQUESTS} items after validation, not ${requests.length}`);
    const seen = /* @__PURE__ */ new Set();
    requests.forEach((r, i) => {
      if (!isObject4(r)) throw invalid(`requests.${i}: Input should be a valid dictionary`);
      const id = r.custom_id;
      if (typeof id !== "string") throw invalid(`requests.${i}.custom_id: Field required`);
      if (!CUSTOM_ID.test(id)) throw invalid(`requests.${i}.custom_id: String should match pattern '^[a-zA-Z0-9_-]{1,64}$'`);
      if (seen.has(id)) throw invalid(`requests.${i}.custom_id: Duplicate custom_id '${id}'; custom_id must be unique within a Message Batch`);
      seen.add(id);
      if (!isObject4(r.params)) throw invalid(`requests.${i}.params: Field required`);
    });
    const now2 = this.o.now();
    const ordinal = ++this.ordinal;
    const path2 = this.o.tempPath();
    const out = createWriteStream3(path2);
    const customIds = [];
    const at = new Float64Array(requests.length);
    const outcome = [];
    for (const [i, r] of requests.entries()) {
      const id = r.custom_id;
      customIds.push(id);
      at[i] = 1 - hashUnit(this.o.seed, "finish", ordinal, id);
      const failure = this.failureOf(r.params, version, ordinal, id, this.o.seed, this.o.failRate);
      outcome.push(failure ? "errored" : "succeeded");
      if (!out.write(JSON.stringify({ custom_id: id, params: r.params }) + "\n")) await once2(out, "drain");
    }
    out.end();
    await once2(out, "finish");
    const record = {
      id: newId("msgbatch_01", 22),
      ordinal,
      createdMs: now2,
      expireAtMs: now2 + (this.o.expireAfterMs ?? DAY_MS2),
      completeAfterMs: this.o.completeAfterMs,
      cancelAfterMs: this.o.cancelAfterMs,
      seed: this.o.seed,
      failRate: this.o.failRate,
      version,
      cancelMs: null,
      deleted: false,
      requestsPath: path2,
      customIds,
      at,
      outcome,
      results: null
    };
    this.batches.set(record.id, record);
    return this.view(record, origin);
  }
  /** How a request ends if it runs: its params' error (validated as a direct call would be), else an injected
   *  failure at --fail-rate, else an answer. Fixed by (seed, batch, custom_id) alone. */
  failureOf(params, version, ordinal, id, seed, failRate) {
    try {
      validateParams(params, this.o.models, version, "batch");
    } catch (err) {
      if (err instanceof AnthropicApiError) return err;
      throw err;
    }
    if (failRate > 0 && hashUnit(seed, "fail", ordinal, id) < failRate) return injectedFailure2(hashUnit(seed, "kind", ordinal, id));
    return null;
  }
  retrieve(id, origin) {
    return this.view(this.find(id), origin);
  }
  /** Newest first. `after_id`: the page after that batch (older ones); `before_id`: the page before it (newer). */
  list(limit, beforeId, afterId, origin) {
    const newest = [...this.batches.values()].filter((b) => !b.deleted).reverse();
    let start = 0;
    let end = newest.length;
    if (afterId !== null) {
      const at = newest.findIndex((b) => b.id === afterId);
      start = at === -1 ? newest.length : at + 1;
      end = Math.min(newest.length, start + limit);
    } else if (beforeId !== null) {
      const at = newest.findIndex((b) => b.id === beforeId);
      end = at === -1 ? 0 : at;
      start = Math.max(0, end - limit);
    } else {
      end = Math.min(newest.length, limit);
    }
    const page = newest.slice(start, end);
    const data = page.map((b) => this.view(b, origin));
    const hasMore = beforeId !== null ? start > 0 : end < newest.length;
    return { data, has_more: hasMore, first_id: page[0]?.id ?? null, last_id: page.at(-1)?.id ?? null };
  }
  cancel(id, origin) {
    const b = this.find(id);
    const now2 = this.o.now();
    if (this.endMs(b) <= now2) throw invalid(`Batch ${id} has already ended and cannot be canceled.`);
    if (b.cancelMs === null) b.cancelMs = now2;
    return this.view(b, origin);
  }
  delete(id) {
    const b = this.find(id);
    if (this.endMs(b) > this.o.now()) throw invalid(`Batch ${id} is still processing; cancel it and wait for it to end before deleting it.`);
    b.deleted = true;
    void rm4(b.requestsPath, { force: true });
    return { id, type: "message_batch_deleted" };
  }
  /** The results file of an ended batch (written once, on first ask), or the API's 404. */
  async resultsPath(id) {
    const b = this.find(id);
    const now2 = this.o.now();
    if (this.endMs(b) > now2) throw invalid(`Batch ${id} is still processing; its results are not available yet.`);
    if (now2 >= b.createdMs + RETENTION_MS) throw new AnthropicApiError("not_found_error", `The results of batch ${id} are no longer available (kept for 29 days after creation).`);
    b.results ??= this.writeResults(b).catch((err) => {
      b.results = null;
      throw err;
    });
    return b.results;
  }
  find(id) {
    const b = this.batches.get(id);
    if (!b || b.deleted) throw new AnthropicApiError("not_found_error", `No message batch found with id '${id}'.`);
    return b;
  }
  /** When processing ends: every request done, the cancel settled, or the expiry, whichever is first. */
  endMs(b) {
    const done = b.createdMs + b.completeAfterMs;
    const cancelled = b.cancelMs === null ? Infinity : b.cancelMs + b.cancelAfterMs;
    return Math.min(done, cancelled, b.expireAtMs);
  }
  /** How the batch ends: every request ran, or the rest was canceled or expired. */
  endingOf(b) {
    const end = this.endMs(b);
    if (end === b.createdMs + b.completeAfterMs) return "done";
    return b.cancelMs !== null && end === b.cancelMs + b.cancelAfterMs ? "canceled" : "expired";
  }
  /** Whether request i had run when processing ended. */
  ran(b, i) {
    return b.at[i] * b.completeAfterMs <= this.endMs(b) - b.createdMs;
  }
  counts(b, ended) {
    const c = { processing: 0, succeeded: 0, errored: 0, canceled: 0, expired: 0 };
    if (!ended) return { ...c, processing: b.customIds.length };
    const unrun = this.endingOf(b) === "canceled" ? "canceled" : "expired";
    for (let i = 0; i < b.customIds.length; i++) {
      if (this.ran(b, i)) c[b.outcome[i]]++;
      else c[unrun]++;
    }
    return c;
  }
  view(b, origin) {
    const now2 = this.o.now();
    const end = this.endMs(b);
    const ended = now2 >= end;
    const status = ended ? "ended" : b.cancelMs !== null ? "canceling" : "in_progress";
    const archived = now2 >= b.createdMs + RETENTION_MS;
    return {
      id: b.id,
      type: "message_batch",
      processing_status: status,
      request_counts: this.counts(b, ended),
      ended_at: ended ? iso(end) : null,
      created_at: iso(b.createdMs),
      expires_at: iso(b.expireAtMs),
      archived_at: archived ? iso(b.createdMs + RETENTION_MS) : null,
      cancel_initiated_at: b.cancelMs === null ? null : iso(b.cancelMs),
      results_url: ended ? `${origin}/v1/messages/batches/${b.id}/results` : null
    };
  }
  /** Answers the requests that ran (in their order, so the prompt cache warms as it would), and writes every
   *  request's result line, shuffled within windows. */
  async writeResults(b) {
    const path2 = this.o.tempPath();
    const out = createWriteStream3(path2);
    const shuffle = seededStream(Math.floor(hashUnit(b.seed, "results-order", b.ordinal) * 4294967296));
    let window = [];
    const flush = async () => {
      for (let i2 = window.length - 1; i2 > 0; i2--) {
        const j = Math.floor(shuffle() * (i2 + 1));
        [window[i2], window[j]] = [window[j], window[i2]];
      }
      for (const line of window) if (!out.write(line)) await once2(out, "drain");
      window = [];
    };
    const ending = this.endingOf(b);
    const answeredAt = this.endMs(b);
    let i = 0;
    for await (const raw of readJsonlLines(b.requestsPath)) {
      const { custom_id: id, params } = JSON.parse(raw.text);
      let result;
      if (!this.ran(b, i)) result = { type: ending === "canceled" ? "canceled" : "expired" };
      else {
        const failure = this.failureOf(params, b.version, b.ordinal, id, b.seed, b.failRate);
        if (failure) result = { type: "errored", error: failure.body(null) };
        else {
          const { model: model3 } = validateParams(params, this.o.models, b.version, "batch");
          result = { type: "succeeded", message: answerMessage(params, model3, { seed: b.seed, now: answeredAt, mode: "batch", cache: this.o.cache }) };
        }
      }
      window.push(JSON.stringify({ custom_id: id, result }) + "\n");
      if (window.length >= SHUFFLE_WINDOW2) await flush();
      i++;
    }
    await flush();
    out.end();
    await once2(out, "finish");
    return path2;
  }
};

// src/emulator/anthropic/models.ts
var MEDIUM_BY_DEFAULT = /* @__PURE__ */ new Set(["claude-opus-5-5", "claude-haiku-5-5"]);
var ClaudeModels = class {
  catalog;
  constructor(log) {
    let catalog2 = null;
    try {
      catalog2 = loadProviderCatalog();
    } catch (err) {
      log(`emulator: provider catalog unavailable, every Claude model answered as unknown: ${String(err)}`);
    }
    this.catalog = catalog2;
  }
  /** The model, or null when the catalog does not list it as an Anthropic model (the API's 404). */
  find(name) {
    if (!this.catalog) return null;
    const key = findProviderModel(this.catalog, name);
    if (key === null) return null;
    const entry = this.catalog.models[key];
    if (entry.provider !== "anthropic") return null;
    return {
      key,
      maxOutputTokens: entry.max_output_tokens ?? null,
      thinksByDefault: entry.reasoning === true,
      defaultEffort: MEDIUM_BY_DEFAULT.has(key) ? "medium" : "high"
    };
  }
};

// src/emulator/anthropic/promptCache.ts
var CACHE_MIN_TOKENS2 = 1024;
var TTL_MS = { "5m": 3e5, "1h": 36e5 };
var MAX_ENTRIES = 65536;
var ClaudePromptCache = class {
  /** prefix digest → expiry (ms); Map order is least recently used first. */
  entries = /* @__PURE__ */ new Map();
  /** The tokens a request would read from the cache now, without touching it (the rate limiter's estimate). */
  peek(breakpoints, now2) {
    let read = 0;
    for (const b of breakpoints) {
      if (b.tokens < CACHE_MIN_TOKENS2) continue;
      const expires = this.entries.get(b.prefix);
      if (expires !== void 0 && expires > now2) read = Math.max(read, b.tokens);
    }
    return read;
  }
  use(breakpoints, now2) {
    const cacheable = breakpoints.filter((b) => b.tokens >= CACHE_MIN_TOKENS2);
    if (cacheable.length === 0) return { read: 0, written: 0, written5m: 0, written1h: 0 };
    let read = 0;
    for (const b of cacheable) {
      const expires = this.entries.get(b.prefix);
      if (expires !== void 0 && expires > now2) read = Math.max(read, b.tokens);
    }
    const last = cacheable.at(-1);
    const written = Math.max(0, last.tokens - read);
    for (const b of cacheable) this.keep(b.prefix, now2 + TTL_MS[b.ttl]);
    return { read, written, written5m: last.ttl === "5m" ? written : 0, written1h: last.ttl === "1h" ? written : 0 };
  }
  keep(prefix, expires) {
    const previous = this.entries.get(prefix) ?? 0;
    this.entries.delete(prefix);
    this.entries.set(prefix, Math.max(expires, previous));
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value);
  }
};

// src/emulator/anthropic/readBody.ts
var MESSAGES_MAX_BYTES = 32 * 1024 * 1024;
var BATCH_MAX_BYTES = 256 * 1024 * 1024;
async function readJson(req, maxBytes) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size <= maxBytes) chunks.push(chunk);
    else chunks.length = 0;
  }
  if (size > maxBytes) {
    throw new AnthropicApiError("request_too_large", `Request exceeds the maximum allowed number of bytes (${maxBytes}).`);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return text.length === 0 ? {} : JSON.parse(text);
  } catch {
    throw invalid("There was an error parsing the body of your request: it is not valid JSON.");
  }
}

// src/emulator/anthropic/rateBucket.ts
var PERIOD_MS = 6e4;
var RateBucket = class {
  capacity;
  scaled;
  last;
  constructor(capacity, now2) {
    if (!(Number.isFinite(capacity) && capacity > 0)) throw new RangeError(`a limit must be a positive number, got ${capacity}`);
    this.capacity = capacity;
    this.scaled = capacity * PERIOD_MS;
    this.last = now2;
  }
  refill(now2) {
    if (now2 <= this.last) return;
    this.scaled = Math.min(this.capacity * PERIOD_MS, this.scaled + (now2 - this.last) * this.capacity);
    this.last = now2;
  }
  /** What the bucket holds now (negative: in debt). */
  level(now2) {
    this.refill(now2);
    return this.scaled / PERIOD_MS;
  }
  /** ms until it holds `cost` (0: now; Infinity: never, `cost` is above the capacity). */
  waitMs(cost, now2) {
    this.refill(now2);
    if (cost > this.capacity) return Infinity;
    const missing = cost * PERIOD_MS - this.scaled;
    return missing <= 0 ? 0 : Math.ceil(missing / this.capacity);
  }
  /** Counts `cost` (a negative cost gives back, never above the capacity). */
  take(cost, now2) {
    this.refill(now2);
    this.scaled = Math.min(this.capacity * PERIOD_MS, this.scaled - cost * PERIOD_MS);
  }
  /** Whole units that could be taken now. */
  remaining(now2) {
    this.refill(now2);
    return Math.max(0, Math.floor(this.scaled / PERIOD_MS));
  }
  /** When (epoch ms) the bucket is full again: what the `-reset` headers give ("fully replenished"). */
  fullAt(now2) {
    this.refill(now2);
    return now2 + Math.ceil((this.capacity * PERIOD_MS - this.scaled) / this.capacity);
  }
};

// src/emulator/anthropic/rateLimits.ts
var ORGANIZATION = "6f1e0c2a-5e3d-4b7a-9c11-000000e30001";
var HEADER = "anthropic-ratelimit-";
var UNIT = { requests: "requests", input: "input tokens", output: "output tokens" };
var rfc3339 = (ms) => new Date(Math.ceil(ms / 1e3) * 1e3).toISOString().replace(".000Z", "Z");
function exceeded(limit, perMinute) {
  return `This request would exceed the rate limit for your organization (${ORGANIZATION}) of ${perMinute.toLocaleString("en-US")} ${UNIT[limit]} per minute. For details, refer to: https://docs.claude.com/en/api/rate-limits. You can see the response headers for current usage. Please reduce the prompt length or the maximum tokens requested, or try again later. You may also contact sales at https://www.anthropic.com/contact-sales to discuss your options for a rate limit increase.`;
}
var AnthropicRateLimits = class {
  opts;
  models = /* @__PURE__ */ new Map();
  constructor(opts) {
    this.opts = opts;
  }
  get enabled() {
    return this.opts.rpm !== null || this.opts.itpm !== null || this.opts.otpm !== null;
  }
  /** Counts a request arriving for `model` (the catalog key: a snapshot shares its model's limits), or throws the 429.
   *  A refused request counts nothing. */
  admit(model3, cost, now2) {
    const b = this.bucketsOf(model3, now2);
    const reserveOutput = this.opts.outputCounting === "max_tokens";
    if (b.input && cost.inputTokens > b.input.capacity) throw this.refused("input", null, b, now2);
    if (b.output && reserveOutput && cost.maxTokens > b.output.capacity) throw this.refused("output", null, b, now2);
    const waits = [
      ["requests", Math.max(b.requests?.waitMs(1, now2) ?? 0, b.requestsSecond?.waitFor(1, now2) ?? 0)],
      ["input", Math.max(b.input?.waitMs(cost.inputTokens, now2) ?? 0, b.inputSecond?.waitFor(cost.inputTokens, now2) ?? 0)],
      // Counted as produced: refused only while nothing is left (ours); reserved: max_tokens must fit.
      ["output", b.output?.waitMs(reserveOutput ? cost.maxTokens : 1, now2) ?? 0]
    ];
    const short = waits.find(([, ms]) => ms > 0);
    if (short) throw this.refused(short[0], Math.max(...waits.map(([, ms]) => ms)), b, now2);
    b.requests?.take(1, now2);
    b.requestsSecond?.take(1, now2);
    b.input?.take(cost.inputTokens, now2);
    b.inputSecond?.take(cost.inputTokens, now2);
    if (reserveOutput) b.output?.take(cost.maxTokens, now2);
    return {
      settle: (actual, at) => {
        b.input?.take(actual.inputTokens - cost.inputTokens, at);
        b.output?.take(reserveOutput ? actual.outputTokens - cost.maxTokens : actual.outputTokens, at);
        return this.headers(b, at);
      }
    };
  }
  refused(limit, waitMs, b, now2) {
    const perMinute = limit === "requests" ? this.opts.rpm : limit === "input" ? this.opts.itpm : this.opts.otpm;
    const retry = waitMs !== null ? { "retry-after": String(Math.max(1, Math.ceil(waitMs / 1e3))) } : {};
    return new AnthropicApiError("rate_limit_error", exceeded(limit, perMinute), { ...this.headers(b, now2), ...retry });
  }
  bucketsOf(model3, now2) {
    let b = this.models.get(model3);
    if (!b) {
      const { rpm, itpm, otpm, perSecond } = this.opts;
      const bucket = (limit) => limit === null ? null : new RateBucket(limit, now2);
      const second = (limit) => perSecond && limit !== null ? new SlidingWindow(Math.ceil(limit / 60), 1e3, "alone") : null;
      b = { requests: bucket(rpm), input: bucket(itpm), output: bucket(otpm), requestsSecond: second(rpm), inputSecond: second(itpm) };
      this.models.set(model3, b);
    }
    return b;
  }
  /** "The number of tokens remaining (rounded to the nearest thousand)". */
  shown(tokens2) {
    return this.opts.tokensRemaining === "thousands" ? Math.round(tokens2 / 1e3) * 1e3 : tokens2;
  }
  headers(b, now2) {
    const out = {};
    const put = (name, limit, remaining, fullAt) => {
      out[`${HEADER}${name}-limit`] = String(limit);
      out[`${HEADER}${name}-remaining`] = String(remaining);
      out[`${HEADER}${name}-reset`] = rfc3339(fullAt);
    };
    if (b.requests) put("requests", b.requests.capacity, b.requests.remaining(now2), b.requests.fullAt(now2));
    const tokenBuckets = [];
    if (b.input) tokenBuckets.push(["input-tokens", b.input]);
    if (b.output) tokenBuckets.push(["output-tokens", b.output]);
    for (const [name, bucket] of tokenBuckets) put(name, bucket.capacity, this.shown(bucket.remaining(now2)), bucket.fullAt(now2));
    if (tokenBuckets.length > 0) {
      const sum = (f) => tokenBuckets.reduce((n, [, x]) => n + f(x), 0);
      put("tokens", sum((x) => x.capacity), this.shown(sum((x) => x.remaining(now2))), Math.max(...tokenBuckets.map(([, x]) => x.fullAt(now2))));
    }
    return out;
  }
};

// src/emulator/anthropic/switches.ts
var DEFAULT_SWITCHES = { otpm: null, outputCounting: "actual", tokensRemaining: "thousands" };
function oneOf(name, value2, allowed, fallback) {
  if (value2 === void 0 || value2 === "") return fallback;
  if (!allowed.includes(value2)) throw new RangeError(`${name} must be one of ${allowed.join(", ")}, got ${value2}`);
  return value2;
}
function resolveSwitches(given = {}, env = process.env) {
  const raw = env.BATCHWISE_ANTHROPIC_OTPM;
  const fromEnv = raw === void 0 || raw === "" ? DEFAULT_SWITCHES.otpm : Number(raw);
  const otpm = given.otpm !== void 0 ? given.otpm : fromEnv;
  if (otpm !== null && !(Number.isFinite(otpm) && otpm > 0)) throw new RangeError(`otpm (BATCHWISE_ANTHROPIC_OTPM) must be a positive number, got ${String(otpm)}`);
  return {
    otpm,
    outputCounting: oneOf("outputCounting (BATCHWISE_ANTHROPIC_OUTPUT_COUNTING)", given.outputCounting ?? env.BATCHWISE_ANTHROPIC_OUTPUT_COUNTING, ["actual", "max_tokens"], DEFAULT_SWITCHES.outputCounting),
    tokensRemaining: oneOf("tokensRemaining (BATCHWISE_ANTHROPIC_TOKENS_REMAINING)", given.tokensRemaining ?? env.BATCHWISE_ANTHROPIC_TOKENS_REMAINING, ["thousands", "exact"], DEFAULT_SWITCHES.tokensRemaining)
  };
}

// src/emulator/anthropic/index.ts
var states = /* @__PURE__ */ new WeakMap();
function stateOf(services) {
  let s = states.get(services);
  if (!s) {
    const cfg = services.cfg;
    const models = new ClaudeModels(cfg.log);
    const cache = new ClaudePromptCache();
    const batches = new MessageBatchStore({
      seed: cfg.seed,
      failRate: cfg.failRate,
      completeAfterMs: cfg.completeAfterMs,
      expireAfterMs: cfg.expireAfterMs,
      cancelAfterMs: cfg.cancelAfterMs,
      now: cfg.now,
      tempPath: () => services.files.tempPath(),
      models,
      cache
    });
    const switches = resolveSwitches(cfg.anthropic);
    const limits = new AnthropicRateLimits({
      rpm: cfg.rpm,
      itpm: cfg.tpm,
      otpm: switches.otpm,
      outputCounting: switches.outputCounting,
      tokensRemaining: switches.tokensRemaining,
      perSecond: cfg.perSecond
    });
    s = { models, cache, batches, limits };
    states.set(services, s);
  }
  return s;
}
var reply = (call, body) => sendAnthropicJson(call.res, 200, body, { "request-id": call.requestId });
function limitOf(query) {
  const raw = query.get("limit");
  if (raw === null) return 20;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1e3) throw invalid("limit: Input should be an integer from 1 to 1000");
  return n;
}
async function streamResults(call, path2) {
  const { size } = await stat2(path2);
  call.res.writeHead(200, { "request-id": call.requestId, "content-type": "application/x-jsonl", "content-length": size });
  const stream = createReadStream2(path2, call.dropMidway ? { end: Math.max(0, Math.floor(size / 2) - 1) } : {});
  for await (const chunk of stream) {
    if (!call.res.write(chunk)) await new Promise((r) => call.res.once("drain", r));
  }
  if (call.dropMidway) call.res.destroy();
  else call.res.end();
}
var ROUTES = [
  {
    method: "POST",
    pattern: /^\/v1\/messages$/,
    async handle(call) {
      const body = await readJson(call.req, MESSAGES_MAX_BYTES);
      const { params, model: model3 } = validateParams(body, call.state.models, call.version, "sync");
      const cfg = call.services.cfg;
      const { limits, cache } = call.state;
      let admitted = null;
      if (limits.enabled) {
        const prompt = countPrompt(params);
        const now2 = cfg.now();
        admitted = limits.admit(model3.key, { inputTokens: prompt.tokens - cache.peek(prompt.breakpoints, now2), maxTokens: params.max_tokens }, now2);
      }
      const delayMs = answerDelayMs(cfg, void 0, false, call.services.latencyRandom());
      if (delayMs > 0) await sleep2(delayMs, void 0, { signal: call.services.closing });
      const message = answerMessage(params, model3, { seed: cfg.seed, now: cfg.now(), mode: "sync", cache });
      const usage = message.usage;
      const headers = admitted?.settle({ inputTokens: usage.input_tokens + usage.cache_creation_input_tokens, outputTokens: usage.output_tokens }, cfg.now()) ?? {};
      sendAnthropicJson(call.res, 200, message, { ...headers, "request-id": call.requestId });
    }
  },
  {
    method: "POST",
    pattern: /^\/v1\/messages\/count_tokens$/,
    async handle(call) {
      const body = await readJson(call.req, MESSAGES_MAX_BYTES);
      const { params } = validateParams(body, call.state.models, call.version, "count");
      reply(call, { input_tokens: countPrompt(params).tokens });
    }
  },
  {
    method: "POST",
    pattern: /^\/v1\/messages\/batches$/,
    async handle(call) {
      const body = await readJson(call.req, BATCH_MAX_BYTES);
      reply(call, await call.state.batches.create(body, call.version, call.origin));
    }
  },
  {
    method: "GET",
    pattern: /^\/v1\/messages\/batches$/,
    async handle(call) {
      const q = call.query;
      reply(call, call.state.batches.list(limitOf(q), q.get("before_id"), q.get("after_id"), call.origin));
    }
  },
  {
    method: "GET",
    pattern: /^\/v1\/messages\/batches\/([^/]+)$/,
    async handle(call) {
      reply(call, call.state.batches.retrieve(call.params[0], call.origin));
    }
  },
  {
    method: "DELETE",
    pattern: /^\/v1\/messages\/batches\/([^/]+)$/,
    async handle(call) {
      reply(call, call.state.batches.delete(call.params[0]));
    }
  },
  {
    method: "POST",
    pattern: /^\/v1\/messages\/batches\/([^/]+)\/cancel$/,
    async handle(call) {
      reply(call, call.state.batches.cancel(call.params[0], call.origin));
    }
  },
  {
    method: "GET",
    pattern: /^\/v1\/messages\/batches\/([^/]+)\/results$/,
    async handle(call) {
      await streamResults(call, await call.state.batches.resultsPath(call.params[0]));
    }
  }
];
function hasKey(req) {
  const key = req.headers["x-api-key"];
  if (typeof key === "string" && key.trim() !== "") return true;
  return /^Bearer\s+\S+/i.test(req.headers.authorization ?? "");
}
function versionOf(req) {
  const v = req.headers["anthropic-version"];
  if (typeof v !== "string" || v === "") throw invalid("anthropic-version: header is required");
  if (!API_VERSIONS.includes(v)) throw invalid(`anthropic-version: "${v}" is not a valid version`);
  return v;
}
async function handle(req, res, url, services) {
  const requestId2 = newId("req_011C", 20);
  res.setHeader("date", new Date(services.cfg.now()).toUTCString());
  try {
    if (!hasKey(req)) throw new AnthropicApiError("authentication_error", "x-api-key header is required");
    const method = req.method ?? "GET";
    const found = ROUTES.map((r) => ({ r, m: r.method === method ? r.pattern.exec(url.pathname) : null })).find((x) => x.m);
    if (!found) throw new AnthropicApiError("not_found_error", `Not Found: ${method} ${url.pathname}`);
    const version = versionOf(req);
    const dropDraw = services.random();
    const faultDraw = services.random();
    let dropMidway = false;
    if (dropDraw < services.cfg.dropRate) {
      if (method === "GET" && url.pathname.endsWith("/results")) dropMidway = true;
      else {
        req.socket.destroy();
        return;
      }
    }
    if (faultDraw < services.cfg.httpFaultRate) throw faultDraw < services.cfg.httpFaultRate / 2 ? apiError() : overloaded();
    const call = {
      req,
      res,
      params: found.m.slice(1),
      query: url.searchParams,
      version,
      requestId: requestId2,
      origin: `http://${req.headers.host ?? "localhost"}`,
      state: stateOf(services),
      services,
      dropMidway
    };
    await found.r.handle(call);
  } catch (err) {
    if (res.headersSent || res.destroyed || services.closing.aborted) {
      res.destroy();
      return;
    }
    if (!req.complete) req.resume();
    if (err instanceof AnthropicApiError) return sendAnthropicError(res, err, requestId2);
    services.cfg.log(`emulator: internal error on ${req.method} ${url.pathname}: ${err.stack ?? String(err)}`);
    sendAnthropicError(res, apiError(), requestId2);
  }
}
var anthropicHandler = {
  name: "anthropic",
  // Anthropic's paths; OpenAI has none under /v1/messages.
  matches: (path2) => path2 === "/v1/messages" || path2.startsWith("/v1/messages/"),
  handle
};

// src/emulator/gemini/index.ts
import { join as join5 } from "node:path";

// src/emulator/gemini/batches.ts
import { createWriteStream as createWriteStream5 } from "node:fs";
import { once as once3 } from "node:events";

// src/emulator/gemini/answer.ts
import { createHash as createHash7 } from "node:crypto";

// src/emulator/gemini/errors.ts
var GRPC_CODE = {
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  OUT_OF_RANGE: 11,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  DATA_LOSS: 15,
  UNAUTHENTICATED: 16
};
var GeminiError = class extends Error {
  status;
  statusName;
  details;
  constructor(status, statusName, message, details = null) {
    super(message);
    this.name = "GeminiError";
    this.status = status;
    this.statusName = statusName;
    this.details = details;
  }
  toBody() {
    return { error: { code: this.status, message: this.message, status: this.statusName, ...this.details ? { details: this.details } : {} } };
  }
  /** As a google.rpc.Status in a batch output line (gRPC code, as the proto has it). */
  toStatus() {
    return { code: GRPC_CODE[this.statusName] ?? 2, message: this.message, status: this.statusName };
  }
};
var invalidArgument = (message) => new GeminiError(400, "INVALID_ARGUMENT", message);
var failedPrecondition = (message) => new GeminiError(400, "FAILED_PRECONDITION", message);
var notFound2 = (message) => new GeminiError(404, "NOT_FOUND", message);
var permissionDenied = (message) => new GeminiError(403, "PERMISSION_DENIED", message);
var internalError = () => new GeminiError(500, "INTERNAL", "An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting");
var overloaded2 = () => new GeminiError(503, "UNAVAILABLE", "The model is overloaded. Please try again later.");
var noKey = () => new GeminiError(
  403,
  "PERMISSION_DENIED",
  "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API."
);
function badKey(key) {
  const message = "API key not valid. Please pass a valid API key.";
  return new GeminiError(400, "INVALID_ARGUMENT", message, [
    { "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "API_KEY_INVALID", domain: "googleapis.com", metadata: { service: "generativelanguage.googleapis.com" } },
    { "@type": "type.googleapis.com/google.rpc.LocalizedMessage", locale: "en-US", message },
    { "@type": "type.googleapis.com/google.rpc.DebugInfo", detail: `Invalid API key: ${key}` }
  ]);
}
function modelNotFound2(model3, method) {
  return notFound2(
    `models/${model3} is not found for API version v1beta, or is not supported for ${method}. Call ListModels to see the list of available models and their supported methods.`
  );
}
function sendGeminiJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, "content-type": "application/json; charset=UTF-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
function sendGeminiError(res, err) {
  sendGeminiJson(res, err.status, err.toBody());
}

// src/emulator/gemini/tokens.ts
var BLOB_TOKENS = 258;
var ENCODING_MODEL = "gemini";
var isObject5 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function partTokens(part) {
  if (!isObject5(part)) return 0;
  let n = 0;
  if (typeof part.text === "string") n += textTokens(part.text, ENCODING_MODEL);
  if (isObject5(part.inlineData) || isObject5(part.fileData)) n += BLOB_TOKENS;
  if (isObject5(part.functionCall)) n += textTokens(JSON.stringify(part.functionCall), ENCODING_MODEL);
  if (isObject5(part.functionResponse)) n += textTokens(JSON.stringify(part.functionResponse), ENCODING_MODEL);
  return n;
}
function contentTokens(content2) {
  if (!isObject5(content2) || !Array.isArray(content2.parts)) return 0;
  return content2.parts.reduce((n, p) => n + partTokens(p), 0);
}
function requestTokens(req) {
  let n = contentTokens(req.systemInstruction);
  for (const c of Array.isArray(req.contents) ? req.contents : []) n += contentTokens(c);
  if (Array.isArray(req.tools) && req.tools.length > 0) n += textTokens(JSON.stringify(req.tools), ENCODING_MODEL);
  return n;
}
function outputTokens(text) {
  return textTokens(text, ENCODING_MODEL);
}

// src/emulator/gemini/answer.ts
var isObject6 = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var LEVEL_FACTOR = { minimal: EFFORT_FACTOR.minimal, low: EFFORT_FACTOR.low, medium: EFFORT_FACTOR.medium, high: EFFORT_FACTOR.high };
var DEFAULT_LEVEL = "medium";
var usesBudget = (model3) => /^gemini-2\./.test(model3);
var isGemini4 = (model3) => /^gemini-4/.test(model3);
function readThinking(config, model3) {
  const t = isObject6(config.thinkingConfig) ? config.thinkingConfig : {};
  const level = t.thinkingLevel;
  const budget = t.thinkingBudget;
  const name = model3.answeredBy;
  if (level !== void 0 && budget !== void 0) throw invalidArgument("thinking_budget and thinking_level are not supported together.");
  if (level !== void 0) {
    if (usesBudget(name)) throw invalidArgument(`Thinking level is not supported for this model.`);
    if (typeof level !== "string" || !Object.hasOwn(LEVEL_FACTOR, level.toLowerCase())) throw invalidArgument(`Invalid value at 'generation_config.thinking_config.thinking_level' (${JSON.stringify(level)})`);
    const l = level.toLowerCase();
    if (l === "minimal" && (isGemini4(name) || /-pro\b/.test(name))) throw invalidArgument(`Thinking level minimal is not supported for this model.`);
    return { factor: LEVEL_FACTOR[l], cap: null };
  }
  if (budget !== void 0) {
    if (isGemini4(name)) throw invalidArgument("Thinking budget is not supported for this model; use thinking_level.");
    if (typeof budget !== "number" || !Number.isInteger(budget) || budget < -1) throw invalidArgument(`Invalid value at 'generation_config.thinking_config.thinking_budget' (${JSON.stringify(budget)})`);
    if (budget === 0) return { factor: 0, cap: null };
    return { factor: LEVEL_FACTOR[DEFAULT_LEVEL], cap: budget === -1 ? null : budget };
  }
  return model3.thinksByDefault ? { factor: LEVEL_FACTOR[DEFAULT_LEVEL], cap: null } : { factor: 0, cap: null };
}
function checkSignatures(contents, model3) {
  if (usesBudget(model3)) return;
  let start = 0;
  contents.forEach((c, i) => {
    const parts = Array.isArray(c.parts) ? c.parts : [];
    if (c.role !== "model" && parts.some((p) => isObject6(p) && !isObject6(p.functionResponse))) start = i;
  });
  for (let i = start; i < contents.length; i++) {
    const c = contents[i];
    if (c.role !== "model") continue;
    const parts = Array.isArray(c.parts) ? c.parts : [];
    const first = parts.findIndex((p) => isObject6(p) && isObject6(p.functionCall));
    if (first !== -1 && typeof parts[first].thoughtSignature !== "string") {
      const name = parts[first].functionCall.name;
      throw invalidArgument(
        `Function call is missing a thought_signature in functionCall parts. This is required for tools to work correctly, and missing thought_signature may lead to degraded model performance. Additional data, function call \`default_api:${String(name)}\`, position ${first + 1}. Please refer to https://ai.google.dev/gemini-api/docs/thought-signatures for more details.`
      );
    }
  }
}
function checkRequest(req, model3) {
  const contents = req.contents;
  if (!Array.isArray(contents) || contents.length === 0) throw invalidArgument("* GenerateContentRequest.contents: contents is not specified\n");
  contents.forEach((c, i) => {
    if (!isObject6(c) || !Array.isArray(c.parts) || c.parts.length === 0) {
      throw invalidArgument(`* GenerateContentRequest.contents[${i}].parts: contents.parts must not be empty.
`);
    }
    if (c.role !== void 0 && c.role !== "user" && c.role !== "model") {
      throw invalidArgument(`Please use a valid role: user, model.`);
    }
  });
  checkSignatures(contents, model3);
  return contents;
}
function maxOutput(config, model3) {
  const v = config.maxOutputTokens;
  if (v === void 0) return model3.maxOutputTokens;
  if (typeof v !== "number" || !Number.isInteger(v) || v < 1) throw invalidArgument(`Invalid value at 'generation_config.max_output_tokens' (${JSON.stringify(v)})`);
  return model3.maxOutputTokens === null ? v : Math.min(v, model3.maxOutputTokens);
}
function forcedFunction(req) {
  const cfg = isObject6(req.toolConfig) && isObject6(req.toolConfig.functionCallingConfig) ? req.toolConfig.functionCallingConfig : null;
  if (!cfg || cfg.mode !== "ANY") return null;
  if (Array.isArray(cfg.allowedFunctionNames) && typeof cfg.allowedFunctionNames[0] === "string") return cfg.allowedFunctionNames[0];
  for (const t of Array.isArray(req.tools) ? req.tools : []) {
    const d = isObject6(t) && Array.isArray(t.functionDeclarations) ? t.functionDeclarations[0] : null;
    if (isObject6(d) && typeof d.name === "string") return d.name;
  }
  return null;
}
function answerKey3(req) {
  const config = isObject6(req.generationConfig) ? req.generationConfig : {};
  const { maxOutputTokens: _cap, thinkingConfig: _thinking, ...decisive } = config;
  return createHash7("sha256").update(JSON.stringify([req.systemInstruction ?? null, req.contents, req.tools ?? null, req.toolConfig ?? null, decisive])).digest("base64");
}
function responseId(seed, key) {
  return createHash7("sha256").update(`${seed}:${key}`).digest("base64url").slice(0, 22);
}
function generateContent(req, ctx) {
  const name = ctx.model.answeredBy;
  const contents = checkRequest(req, name);
  const config = isObject6(req.generationConfig) ? req.generationConfig : {};
  const candidateCount = config.candidateCount ?? 1;
  if (typeof candidateCount !== "number" || !Number.isInteger(candidateCount) || candidateCount < 1 || candidateCount > 8) {
    throw invalidArgument(`Invalid value at 'generation_config.candidate_count' (${JSON.stringify(candidateCount)})`);
  }
  const thinking = readThinking(config, ctx.model);
  const budget = maxOutput(config, ctx.model);
  const key = answerKey3(req);
  const shape = shapeOf([req.systemInstruction ?? null, config.responseMimeType ?? null, config.responseJsonSchema ?? null, req.tools ?? null]);
  const forced = forcedFunction(req);
  const prompt = requestTokens(req);
  let visibleTotal = 0;
  let thoughtsTotal = 0;
  const candidates = [];
  for (let index = 0; index < candidateCount; index++) {
    const plan = planLength(ctx.seed, name, shape, key, index, thinking.factor);
    let thoughts = thinking.cap === null ? plan.reasoning : Math.min(plan.reasoning, thinking.cap);
    if (budget !== null) thoughts = Math.min(thoughts, budget);
    const left = budget === null ? null : budget - thoughts;
    let parts;
    let visible;
    let finishReason;
    if (forced !== null && left !== 0) {
      const call = { name: forced, args: {} };
      parts = [{ functionCall: call, ...usesBudget(name) ? {} : { thoughtSignature: responseId(ctx.seed, `${key}:sig:${index}`) } }];
      visible = outputTokens(JSON.stringify(call));
      finishReason = "STOP";
    } else {
      const text = composeAnswer(ctx.seed, key, index, plan.visible, left, name);
      parts = text.text.length > 0 ? [{ text: text.text }] : [];
      visible = text.tokens;
      finishReason = text.truncated ? "MAX_TOKENS" : "STOP";
    }
    visibleTotal += visible;
    thoughtsTotal += thoughts;
    candidates.push({ content: parts.length > 0 ? { parts, role: "model" } : { role: "model" }, finishReason, index });
  }
  const usageMetadata = {
    promptTokenCount: prompt,
    candidatesTokenCount: visibleTotal,
    totalTokenCount: prompt + visibleTotal + thoughtsTotal,
    promptTokensDetails: [{ modality: "TEXT", tokenCount: prompt }]
  };
  if (thoughtsTotal > 0) usageMetadata.thoughtsTokenCount = thoughtsTotal;
  return { candidates, usageMetadata, modelVersion: name, responseId: responseId(ctx.seed, key) };
}
function countRequest(req) {
  return requestTokens(req);
}

// src/emulator/gemini/files.ts
import { createHash as createHash8, randomBytes as randomBytes5 } from "node:crypto";
import { createReadStream as createReadStream3, createWriteStream as createWriteStream4 } from "node:fs";
import { mkdir as mkdir3, rename as rename3, rm as rm5, stat as stat3 } from "node:fs/promises";
import { join as join4 } from "node:path";
import { pipeline as pipeline2 } from "node:stream/promises";
var FILE_LIFETIME_MS = 48 * 36e5;
var MAX_FILE_BYTES2 = 2 * 1024 ** 3;
var ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
function shortId(length = 12) {
  let out = "";
  for (const b of randomBytes5(length)) out += ALNUM[b % ALNUM.length];
  return out;
}
var GeminiFiles = class {
  dir;
  now;
  files = /* @__PURE__ */ new Map();
  sessions = /* @__PURE__ */ new Map();
  opened = null;
  constructor(dir, now2) {
    this.dir = dir;
    this.now = now2;
  }
  open() {
    this.opened ??= mkdir3(join4(this.dir, "tmp"), { recursive: true }).then(() => void 0);
    return this.opened;
  }
  bodyPath(name) {
    return join4(this.dir, `${name.replace(/^files\//, "")}.body`);
  }
  async tempPath() {
    await this.open();
    return join4(this.dir, "tmp", `${randomBytes5(8).toString("hex")}.part`);
  }
  /** The file, unless it is unknown or past its expirationTime. */
  get(name) {
    const f = this.files.get(name);
    if (!f || this.now() >= Date.parse(f.expirationTime)) return void 0;
    return f;
  }
  require(name) {
    const f = this.get(name);
    if (!f) throw notFound2(`File ${name} does not exist.`);
    return f;
  }
  /** A file a request refers to (a batch's input): the API answers a missing or expired one with 403
   *  PERMISSION_DENIED, "You do not have permission to access the File … or it may not exist" (as reported in
   *  googleapis/python-genai#1218 and google/generative-ai-python#692), not a 404. */
  referenced(name) {
    const f = this.get(name);
    if (!f) throw permissionDenied(`You do not have permission to access the File ${name.replace(/^files\//, "")} or it may not exist.`);
    return f;
  }
  async delete(name) {
    this.require(name);
    this.files.delete(name);
    await rm5(this.bodyPath(name), { force: true });
  }
  /** Opens a resumable session; returns its id (the upload URL carries it). */
  async start(req, body) {
    await this.open();
    const rawSize = req.headers["x-goog-upload-header-content-length"];
    const declared = typeof rawSize === "string" && rawSize !== "" ? Number(rawSize) : null;
    if (declared !== null && !(Number.isInteger(declared) && declared >= 0)) throw invalidArgument("Invalid X-Goog-Upload-Header-Content-Length.");
    if (declared !== null && declared > MAX_FILE_BYTES2) throw invalidArgument(`File size ${declared} exceeds the maximum allowed size of ${MAX_FILE_BYTES2} bytes.`);
    const meta = body.file ?? {};
    const displayName = typeof meta.displayName === "string" ? meta.displayName : typeof meta.display_name === "string" ? meta.display_name : void 0;
    const type = req.headers["x-goog-upload-header-content-type"];
    const id = randomBytes5(24).toString("base64url");
    this.sessions.set(id, {
      displayName,
      mimeType: typeof type === "string" && type !== "" ? type : "application/octet-stream",
      declared,
      path: await this.tempPath(),
      received: 0
    });
    return id;
  }
  /** One `upload` (or `upload, finalize`) call of a session: the body is appended at its offset. */
  async receive(id, req, command, offset) {
    const s = this.sessions.get(id);
    if (!s) {
      req.resume();
      throw notFound2("The upload session does not exist or has ended.");
    }
    if (offset !== s.received) {
      req.resume();
      throw invalidArgument(`Invalid X-Goog-Upload-Offset ${offset}: the session has received ${s.received} bytes.`);
    }
    if (command.includes("upload")) {
      await pipeline2(req, createWriteStream4(s.path, { flags: "a" }));
      s.received = (await stat3(s.path).catch(() => ({ size: 0 }))).size;
    } else req.resume();
    if (!command.includes("finalize")) return null;
    this.sessions.delete(id);
    if (s.declared !== null && s.declared !== s.received) {
      await rm5(s.path, { force: true });
      throw invalidArgument(`The upload ended after ${s.received} bytes, but ${s.declared} were declared.`);
    }
    return this.adopt(s.path, s.displayName, s.mimeType, "UPLOADED");
  }
  /** A finished body becomes a file (an upload, or a batch's responses file named `files/<name>`). */
  async adopt(path2, displayName, mimeType, source, name = `files/${shortId()}`) {
    await rename3(path2, this.bodyPath(name));
    const { size } = await stat3(this.bodyPath(name));
    const hash = createHash8("sha256");
    for await (const chunk of createReadStream3(this.bodyPath(name))) hash.update(chunk);
    const now2 = this.now();
    const file = {
      name,
      ...displayName !== void 0 ? { displayName } : {},
      mimeType,
      sizeBytes: String(size),
      createTime: new Date(now2).toISOString(),
      updateTime: new Date(now2).toISOString(),
      expirationTime: new Date(now2 + FILE_LIFETIME_MS).toISOString(),
      sha256Hash: Buffer.from(hash.digest("hex")).toString("base64"),
      uri: `https://generativelanguage.googleapis.com/v1beta/${name}`,
      state: "ACTIVE",
      source
    };
    this.files.set(name, file);
    return file;
  }
};

// src/emulator/gemini/models.ts
var entries;
function catalog() {
  entries ??= Object.fromEntries(
    Object.entries(loadProviderCatalog().models).filter(([, e]) => e.provider === "gemini")
  );
  return entries;
}
function lookupModel(name, nowMs, routeRetired) {
  const bare = name.startsWith("models/") ? name.slice("models/".length) : name;
  const all = catalog();
  const e = Object.hasOwn(all, bare) ? all[bare] : void 0;
  if (!e) return { kind: "unknown" };
  const day = new Date(nowMs).toISOString().slice(0, 10);
  let answeredBy = bare;
  if (e.shutdown && e.shutdown <= day) {
    const r = e.replacement ?? null;
    if (!routeRetired || r === null || !Object.hasOwn(all, r)) return { kind: "retired", replacement: r };
    answeredBy = r;
  }
  const a = all[answeredBy];
  return { kind: "ok", model: { name: bare, answeredBy, thinksByDefault: a.reasoning === true, maxOutputTokens: a.max_output_tokens ?? null } };
}
function modelNames() {
  return Object.keys(catalog());
}

// src/emulator/gemini/batches.ts
var HOUR_MS2 = 36e5;
var EXPIRE_AFTER_MS = 48 * HOUR_MS2;
var BATCH_TYPE = "type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatch";
var OUTPUT_TYPE = "type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatchOutput";
var ENDED = /* @__PURE__ */ new Set(["SUCCEEDED", "FAILED", "CANCELLED", "EXPIRED"]);
var iso2 = (ms) => new Date(ms).toISOString();
function injectedFailure3(kind) {
  if (kind < 0.5) return internalError();
  if (kind < 0.83) return new GeminiError(429, "RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota).");
  return invalidArgument("The input token count (1048577) exceeds the maximum number of tokens allowed (1048576).");
}
var GeminiBatches = class {
  deps;
  jobs = /* @__PURE__ */ new Map();
  ordinal = 0;
  work = /* @__PURE__ */ new Set();
  closed = false;
  constructor(deps) {
    this.deps = deps;
  }
  async close() {
    this.closed = true;
    await Promise.allSettled([...this.work]);
  }
  create(modelName, body) {
    const { cfg, switches, files } = this.deps;
    const now2 = cfg.now();
    const found = lookupModel(modelName, now2, switches.retiredModels === "route");
    if (found.kind !== "ok") throw modelNotFound2(modelName, "batchGenerateContent");
    const batch = body.batch ?? null;
    if (!batch || typeof batch !== "object") throw invalidArgument("* BatchGenerateContentRequest.batch: batch is required\n");
    const displayName = batch.displayName ?? batch.display_name;
    if (typeof displayName !== "string" || displayName.length === 0) throw invalidArgument("* GenerateContentBatch.display_name: display_name is required\n");
    if (displayName.length > switches.displayNameMax) {
      throw invalidArgument(`* GenerateContentBatch.display_name: display_name must be at most ${switches.displayNameMax} characters
`);
    }
    const input = batch.inputConfig ?? batch.input_config ?? null;
    if (!input || typeof input !== "object") throw invalidArgument("* GenerateContentBatch.input_config: input_config is required\n");
    if (input.requests !== void 0) throw invalidArgument("The batchwise emulator does not emulate inline batch requests; upload a file and pass input_config.file_name.");
    const fileName = input.fileName ?? input.file_name;
    if (typeof fileName !== "string") throw invalidArgument("* GenerateContentBatch.input_config.file_name: file_name is required\n");
    files.referenced(fileName);
    const job = {
      name: `batches/${shortId(36)}`,
      ordinal: ++this.ordinal,
      requestedModel: found.model.name,
      model: found.model,
      displayName,
      inputFile: fileName,
      state: "PENDING",
      createdMs: now2,
      updatedMs: now2,
      runningMs: null,
      endedMs: null,
      expireAtMs: now2 + (cfg.expireAfterMs ?? EXPIRE_AFTER_MS),
      completeAfterMs: cfg.completeAfterMs,
      seed: cfg.seed,
      failRate: cfg.failRate,
      plan: null,
      scanning: false,
      finishing: null,
      cutoff: null,
      responsesFile: null,
      error: null
    };
    this.jobs.set(job.name, job);
    this.advance(job, now2);
    return this.operation(job);
  }
  get(name) {
    const job = this.find(name);
    this.advance(job, this.deps.cfg.now());
    return this.operation(job);
  }
  /** Newest first (the real order is not documented); the page token is an offset of ours. */
  list(pageSize, pageToken) {
    const now2 = this.deps.cfg.now();
    const all = [...this.jobs.values()].reverse();
    const start = pageToken ? Number(Buffer.from(pageToken, "base64url").toString()) : 0;
    if (!Number.isInteger(start) || start < 0) throw invalidArgument("Invalid page token.");
    const page = all.slice(start, start + pageSize);
    for (const j of page) this.advance(j, now2);
    const out = { operations: page.map((j) => this.operation(j)) };
    if (start + pageSize < all.length) out.nextPageToken = Buffer.from(String(start + pageSize)).toString("base64url");
    return out;
  }
  cancel(name) {
    const job = this.find(name);
    const now2 = this.deps.cfg.now();
    this.advance(job, now2);
    if (ENDED.has(job.state) || job.finishing) throw failedPrecondition(`The batch ${name} is already in a terminal state (${job.state}).`);
    if (job.state === "PENDING" || this.deps.switches.cancelledOutput === "none") {
      this.end(job, "CANCELLED", now2);
      return;
    }
    this.finish(job, this.fraction(job, now2), "CANCELLED");
  }
  delete(name) {
    this.find(name);
    this.jobs.delete(name);
  }
  find(name) {
    const job = this.jobs.get(name);
    if (!job) throw notFound2(`Batch ${name} not found.`);
    return job;
  }
  fraction(job, ms) {
    if (job.runningMs === null) return 0;
    return Math.min(1, Math.max(0, (ms - job.runningMs) / Math.max(1, job.completeAfterMs)));
  }
  end(job, state, now2) {
    job.state = state;
    job.updatedMs = now2;
    job.endedMs = now2;
  }
  advance(job, now2) {
    if (this.closed || ENDED.has(job.state) || job.finishing) return;
    if (now2 >= job.expireAtMs) return this.end(job, "EXPIRED", now2);
    if (job.state === "PENDING") {
      if (!job.plan) return this.scan(job);
      if (now2 < job.createdMs + this.deps.cfg.validateMs) return;
      if (job.plan.error) {
        job.error = job.plan.error;
        return this.end(job, "FAILED", now2);
      }
      job.state = "RUNNING";
      job.runningMs = now2;
      job.updatedMs = now2;
      return;
    }
    if (job.state === "RUNNING" && now2 >= job.runningMs + job.completeAfterMs) this.finish(job, 1, "SUCCEEDED");
  }
  /** Reads the input once to fix every line's fate (a sync answer of the line decides whether it fails). */
  scan(job) {
    if (job.scanning) return;
    job.scanning = true;
    this.track(
      (async () => {
        const lines = [];
        let error = null;
        let n = 0;
        for await (const raw of readJsonlLines(this.deps.files.bodyPath(job.inputFile))) {
          n = raw.line;
          let parsed;
          try {
            parsed = JSON.parse(raw.text);
          } catch {
            parsed = null;
          }
          const line = parsed;
          if (!line || typeof line !== "object" || typeof line.key !== "string" || typeof line.request !== "object" || line.request === null) {
            error = invalidArgument(`Invalid input file ${job.inputFile}: line ${n} is not a JSON object with a string "key" and an object "request".`);
            break;
          }
          lines.push({ key: line.key, at: 1 - hashUnit(job.seed, "gemini-finish", job.ordinal, line.key), failure: this.fate(job, line.key, line.request) });
        }
        if (!error && lines.length === 0) error = invalidArgument(`Invalid input file ${job.inputFile}: it holds no requests.`);
        job.plan = { lines, error };
        job.scanning = false;
        this.advance(job, this.deps.cfg.now());
      })()
    );
  }
  fate(job, key, request) {
    try {
      generateContent(request, { seed: job.seed, model: job.model });
    } catch (err) {
      if (err instanceof GeminiError) return err;
      throw err;
    }
    if (job.failRate > 0 && hashUnit(job.seed, "gemini-fail", job.ordinal, key) < job.failRate) {
      return injectedFailure3(hashUnit(job.seed, "gemini-kind", job.ordinal, key));
    }
    return null;
  }
  /** Writes the responses file (lines finished by `cutoff`), then ends the job in `ending`. */
  finish(job, cutoff, ending) {
    job.finishing = { cutoff, ending };
    job.cutoff = cutoff;
    const plan = job.plan;
    const kept = new Set(plan.lines.filter((l) => l.at <= cutoff).map((l) => l.key));
    this.track(
      (async () => {
        if (kept.size > 0) {
          const tmp = await this.deps.files.tempPath();
          const out = createWriteStream5(tmp);
          let writeError = null;
          out.on("error", (err) => writeError = err);
          const failures = new Map(plan.lines.map((l) => [l.key, l.failure]));
          for await (const raw of readJsonlLines(this.deps.files.bodyPath(job.inputFile))) {
            if (this.closed) break;
            const line = JSON.parse(raw.text);
            if (!kept.has(line.key)) continue;
            const failure = failures.get(line.key) ?? null;
            const text = failure ? JSON.stringify({ key: line.key, error: failure.toStatus() }) : JSON.stringify({ key: line.key, response: generateContent(line.request, { seed: job.seed, model: job.model }) });
            if (writeError) throw writeError;
            if (!out.write(`${text}
`)) await once3(out, "drain");
          }
          out.end();
          await once3(out, "close");
          if (writeError) throw writeError;
          if (this.closed) return;
          const file = await this.deps.files.adopt(tmp, void 0, "application/jsonl", "GENERATED", `files/batch-${job.name.slice("batches/".length)}`);
          job.responsesFile = file.name;
        }
        job.finishing = null;
        this.end(job, ending, this.deps.cfg.now());
      })()
    );
  }
  counts(job) {
    const plan = job.plan;
    if (!plan || plan.error) return {};
    const cutoff = job.cutoff ?? this.fraction(job, Math.min(job.endedMs ?? this.deps.cfg.now(), job.expireAtMs));
    let ok = 0;
    let failed = 0;
    for (const l of plan.lines) {
      if (l.at > cutoff) continue;
      if (l.failure) failed++;
      else ok++;
    }
    const stats = { requestCount: String(plan.lines.length) };
    if (ok > 0) stats.successfulRequestCount = String(ok);
    if (failed > 0) stats.failedRequestCount = String(failed);
    const pending = ENDED.has(job.state) ? 0 : plan.lines.length - ok - failed;
    if (pending > 0) stats.pendingRequestCount = String(pending);
    return stats;
  }
  operation(job) {
    const metadata = {
      "@type": BATCH_TYPE,
      model: `models/${job.requestedModel}`,
      displayName: job.displayName,
      inputConfig: { fileName: job.inputFile },
      ...job.responsesFile ? { output: { responsesFile: job.responsesFile } } : {},
      createTime: iso2(job.createdMs),
      ...job.endedMs !== null ? { endTime: iso2(job.endedMs) } : {},
      updateTime: iso2(job.updatedMs),
      batchStats: this.counts(job),
      state: `${this.deps.switches.statePrefix}${job.state}`,
      name: job.name
    };
    const op = { name: job.name, metadata };
    if (ENDED.has(job.state)) op.done = true;
    if (job.state === "SUCCEEDED" || job.state === "CANCELLED" && job.responsesFile) {
      op.response = { "@type": OUTPUT_TYPE, ...job.responsesFile ? { responsesFile: job.responsesFile } : {} };
    }
    if (job.state === "FAILED" && job.error) op.error = { code: GRPC_CODE[job.error.statusName] ?? 2, message: job.error.message };
    return op;
  }
  /** Background work: a failure is logged, never an unhandled rejection; close() waits for it. */
  track(p) {
    const guarded = p.catch((err) => {
      if (!this.closed) this.deps.cfg.log(`emulator: gemini batch work failed: ${String(err)}`);
    });
    this.work.add(guarded);
    void guarded.finally(() => this.work.delete(guarded));
  }
};

// src/emulator/gemini/routes.ts
import { createReadStream as createReadStream4 } from "node:fs";
import { pipeline as pipeline3 } from "node:stream/promises";

// src/emulator/gemini/body.ts
var MAX_JSON_BYTES2 = 64 * 1024 * 1024;
async function readJson2(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_JSON_BYTES2) throw invalidArgument("Request payload size exceeds the limit.");
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim().length === 0) return {};
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidArgument("Invalid JSON payload received. Unexpected token.");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw invalidArgument("Invalid JSON payload received. Expected an object.");
  }
  return parsed;
}

// src/emulator/gemini/routes.ts
function model2(call, method) {
  const found = lookupModel(call.params[0], call.state.cfg.now(), call.state.switches.retiredModels === "route");
  if (found.kind !== "ok") throw modelNotFound2(call.params[0], method);
  return found.model;
}
function modelResource(name) {
  return {
    name: `models/${name}`,
    version: name,
    displayName: name,
    supportedGenerationMethods: ["generateContent", "countTokens", "batchGenerateContent"]
  };
}
async function upload2(call) {
  const { req, res, url, state } = call;
  const session = url.searchParams.get("upload_id");
  if (session !== null) {
    const command2 = String(req.headers["x-goog-upload-command"] ?? "").split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
    const offset = Number(req.headers["x-goog-upload-offset"] ?? 0);
    if (!command2.includes("upload") && !command2.includes("finalize")) {
      req.resume();
      throw invalidArgument('X-Goog-Upload-Command must be "upload", "finalize" or "upload, finalize".');
    }
    const file = await state.files.receive(session, req, command2, Number.isFinite(offset) ? offset : -1);
    if (file) sendGeminiJson(res, 200, { file }, { "x-goog-upload-status": "final" });
    else sendGeminiJson(res, 200, {}, { "x-goog-upload-status": "active" });
    return;
  }
  const protocol = String(req.headers["x-goog-upload-protocol"] ?? "").toLowerCase();
  const command = String(req.headers["x-goog-upload-command"] ?? "").toLowerCase();
  if (protocol !== "resumable" || command !== "start") {
    req.resume();
    throw invalidArgument("The batchwise emulator serves resumable uploads only: X-Goog-Upload-Protocol: resumable with X-Goog-Upload-Command: start.");
  }
  const id = await state.files.start(req, await readJson2(req));
  const uploadUrl = `http://${req.headers.host}/upload/v1beta/files?upload_id=${id}&upload_protocol=resumable`;
  res.writeHead(200, {
    "x-goog-upload-status": "active",
    "x-goog-upload-url": uploadUrl,
    "x-goog-upload-control-url": uploadUrl,
    "x-goog-upload-chunk-granularity": String(8 * 1024 * 1024),
    "content-length": 0
  });
  res.end();
}
async function download(call) {
  const { res, url, state } = call;
  if (url.searchParams.get("alt") !== "media") throw invalidArgument("Downloads need alt=media.");
  const file = state.files.require(`files/${call.params[0]}`);
  const size = Number(file.sizeBytes);
  res.writeHead(200, { "content-type": file.mimeType, "content-length": size });
  const body = createReadStream4(state.files.bodyPath(file.name), call.dropMidway ? { end: Math.max(0, Math.floor(size / 2) - 1) } : {});
  await pipeline3(body, res, { end: !call.dropMidway });
  if (call.dropMidway) res.destroy();
}
var GEMINI_ROUTES = [
  { method: "POST", pattern: /^\/upload\/v1beta\/files$/, noKey: (url) => url.searchParams.has("upload_id"), handle: upload2 },
  { method: "GET", pattern: /^\/download\/v1beta\/files\/([a-z0-9-]+):download$/, handle: download },
  {
    method: "GET",
    pattern: /^\/v1beta\/files\/([a-z0-9-]+)$/,
    handle: async (c) => sendGeminiJson(c.res, 200, c.state.files.require(`files/${c.params[0]}`))
  },
  {
    method: "DELETE",
    pattern: /^\/v1beta\/files\/([a-z0-9-]+)$/,
    handle: async (c) => {
      await c.state.files.delete(`files/${c.params[0]}`);
      sendGeminiJson(c.res, 200, {});
    }
  },
  { method: "GET", pattern: /^\/v1beta\/models$/, handle: async (c) => sendGeminiJson(c.res, 200, { models: modelNames().map(modelResource) }) },
  { method: "GET", pattern: /^\/v1beta\/models\/([^/:]+)$/, handle: async (c) => sendGeminiJson(c.res, 200, modelResource(model2(c, "generateContent").name)) },
  {
    method: "POST",
    pattern: /^\/v1beta\/models\/([^/:]+):generateContent$/,
    handle: async (c) => {
      const m = model2(c, "generateContent");
      sendGeminiJson(c.res, 200, generateContent(await readJson2(c.req), { seed: c.state.cfg.seed, model: m }));
    }
  },
  {
    method: "POST",
    pattern: /^\/v1beta\/models\/([^/:]+):countTokens$/,
    handle: async (c) => {
      model2(c, "countTokens");
      const body = await readJson2(c.req);
      if (body.contents !== void 0 && body.generateContentRequest !== void 0) {
        throw invalidArgument("contents and generateContentRequest are mutually exclusive.");
      }
      const req = body.generateContentRequest ?? { contents: body.contents ?? [] };
      const total = countRequest(req);
      sendGeminiJson(c.res, 200, { totalTokens: total, promptTokensDetails: [{ modality: "TEXT", tokenCount: total }] });
    }
  },
  {
    method: "POST",
    pattern: /^\/v1beta\/models\/([^/:]+):batchGenerateContent$/,
    handle: async (c) => sendGeminiJson(c.res, 200, c.state.batches.create(c.params[0], await readJson2(c.req)))
  },
  {
    method: "GET",
    pattern: /^\/v1beta\/batches$/,
    handle: async (c) => {
      const raw = c.url.searchParams.get("pageSize");
      const size = raw === null ? 50 : Number(raw);
      if (!Number.isInteger(size) || size < 0) throw invalidArgument("pageSize must be a non-negative integer.");
      sendGeminiJson(c.res, 200, c.state.batches.list(Math.min(size === 0 ? 50 : size, 1e3), c.url.searchParams.get("pageToken")));
    }
  },
  { method: "GET", pattern: /^\/v1beta\/batches\/([a-z0-9-]+)$/, handle: async (c) => sendGeminiJson(c.res, 200, c.state.batches.get(`batches/${c.params[0]}`)) },
  {
    method: "POST",
    pattern: /^\/v1beta\/batches\/([a-z0-9-]+):cancel$/,
    handle: async (c) => {
      c.req.resume();
      c.state.batches.cancel(`batches/${c.params[0]}`);
      sendGeminiJson(c.res, 200, {});
    }
  },
  // The docs' curl deletes with POST …:delete, the SDK with DELETE: both are served.
  {
    method: "POST",
    pattern: /^\/v1beta\/batches\/([a-z0-9-]+):delete$/,
    handle: async (c) => {
      c.req.resume();
      c.state.batches.delete(`batches/${c.params[0]}`);
      sendGeminiJson(c.res, 200, {});
    }
  },
  {
    method: "DELETE",
    pattern: /^\/v1beta\/batches\/([a-z0-9-]+)$/,
    handle: async (c) => {
      c.state.batches.delete(`batches/${c.params[0]}`);
      sendGeminiJson(c.res, 200, {});
    }
  }
];
function findGeminiRoute(method, path2) {
  for (const route of GEMINI_ROUTES) {
    if (route.method !== method) continue;
    const m = route.pattern.exec(path2);
    if (m) return { route, params: m.slice(1) };
  }
  return null;
}

// src/emulator/gemini/switches.ts
var DEFAULT_SWITCHES2 = {
  statePrefix: "BATCH_STATE_",
  cancelledOutput: "partial",
  retiredModels: "route",
  displayNameMax: 512,
  apiKeys: null
};
function oneOf2(name, value2, allowed, fallback) {
  if (value2 === void 0 || value2 === null || value2 === "") return fallback;
  if (!allowed.includes(value2)) throw new RangeError(`${name} must be one of ${allowed.join(", ")}, got ${String(value2)}`);
  return value2;
}
function resolveSwitches2(given, env = process.env) {
  const g = given ?? {};
  const keys2 = g.apiKeys ?? (env.BATCHWISE_GEMINI_API_KEYS ? env.BATCHWISE_GEMINI_API_KEYS.split(",").map((k) => k.trim()).filter(Boolean) : null);
  const max = g.displayNameMax ?? (env.BATCHWISE_GEMINI_DISPLAY_NAME_MAX ? Number(env.BATCHWISE_GEMINI_DISPLAY_NAME_MAX) : DEFAULT_SWITCHES2.displayNameMax);
  if (!(Number.isInteger(max) && max > 0)) throw new RangeError(`displayNameMax must be a positive integer, got ${max}`);
  return {
    statePrefix: oneOf2("statePrefix", g.statePrefix ?? env.BATCHWISE_GEMINI_STATE_PREFIX, ["BATCH_STATE_", "JOB_STATE_"], DEFAULT_SWITCHES2.statePrefix),
    cancelledOutput: oneOf2("cancelledOutput", g.cancelledOutput ?? env.BATCHWISE_GEMINI_CANCELLED_OUTPUT, ["partial", "none"], DEFAULT_SWITCHES2.cancelledOutput),
    retiredModels: oneOf2("retiredModels", g.retiredModels ?? env.BATCHWISE_GEMINI_RETIRED_MODELS, ["route", "not-found"], DEFAULT_SWITCHES2.retiredModels),
    displayNameMax: max,
    apiKeys: keys2 && keys2.length > 0 ? keys2 : null
  };
}

// src/emulator/gemini/index.ts
var PATHS = /^\/(v1beta|upload\/v1beta|download\/v1beta)(\/|$)/;
var states2 = /* @__PURE__ */ new WeakMap();
function stateFor(services) {
  let s = states2.get(services);
  if (s) return s;
  const given = services.cfg.gemini;
  const switches = resolveSwitches2(given);
  const files = new GeminiFiles(join5(services.files.dir, "gemini"), services.cfg.now);
  const batches = new GeminiBatches({ cfg: services.cfg, files, switches });
  services.closing.addEventListener("abort", () => void batches.close(), { once: true });
  s = { cfg: services.cfg, switches, files, batches };
  states2.set(services, s);
  return s;
}
function keyOf(req, url) {
  const header = req.headers["x-goog-api-key"];
  const key = typeof header === "string" && header.length > 0 ? header : url.searchParams.get("key");
  return key && key.length > 0 ? key : null;
}
async function handle2(req, res, url, services) {
  const state = stateFor(services);
  const method = req.method ?? "GET";
  try {
    const found = findGeminiRoute(method, url.pathname);
    if (!found) throw notFound2(`Method not found: ${method} ${url.pathname}`);
    if (!found.route.noKey?.(url)) {
      const key = keyOf(req, url);
      if (key === null) throw noKey();
      if (state.switches.apiKeys && !state.switches.apiKeys.includes(key)) throw badKey(key);
    }
    const dropDraw = services.random();
    const faultDraw = services.random();
    let dropMidway = false;
    if (dropDraw < services.cfg.dropRate) {
      if (url.pathname.startsWith("/download/")) dropMidway = true;
      else {
        req.socket.destroy();
        return;
      }
    }
    if (faultDraw < services.cfg.httpFaultRate) {
      req.resume();
      throw faultDraw < services.cfg.httpFaultRate / 2 ? internalError() : overloaded2();
    }
    await found.route.handle({ req, res, url, params: found.params, state, dropMidway });
  } catch (err) {
    if (res.headersSent || res.destroyed || services.closing.aborted) {
      res.destroy();
      return;
    }
    if (!(err instanceof GeminiError)) throw err;
    if (!req.complete) req.resume();
    sendGeminiError(res, err);
  }
}
var geminiHandler = {
  name: "gemini",
  matches: (path2) => PATHS.test(path2),
  handle: handle2
};

// src/emulator/server.ts
var ROUTES2 = [...fileRoutes, ...batchRoutes, ...syncRoutes, ...modelRoutes];
var PROVIDERS = [anthropicHandler, geminiHandler];
var NO_KEY = "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.";
var AZURE_NO_KEY = "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.";
var SYNC_PATHS = /* @__PURE__ */ new Set(["/v1/chat/completions", "/v1/responses", "/v1/embeddings", "/v1/completions"]);
async function checkDeployment(ctx, path2, services) {
  const deployments = services.models.deployments;
  if (Object.keys(deployments).length === 0) return;
  const notFound3 = (name) => new ApiError(404, `The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again. (deployment: ${name})`, { code: "DeploymentNotFound" });
  if (!SYNC_PATHS.has(path2)) return;
  const body = await readJsonBody(ctx.req);
  if (body && typeof body.model === "string" && !Object.hasOwn(deployments, body.model)) throw notFound3(body.model);
}
function overloaded3() {
  return new ApiError(503, "The server is overloaded or not ready yet.", { type: "server_error" });
}
function findRoute(method, path2) {
  for (const route of ROUTES2) {
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
    const provider = PROVIDERS.find((p) => p.matches(url.pathname));
    if (provider) {
      try {
        await provider.handle(req, res, url, services);
      } catch (err) {
        services.cfg.log(`emulator: internal error on ${method} ${url.pathname}: ${err.stack ?? String(err)}`);
        if (!res.headersSent && !res.destroyed) sendError(res, serverError(), headers);
        else res.destroy();
      }
      return;
    }
    try {
      const azure = url.pathname.startsWith("/openai/v1/");
      const path2 = azure ? url.pathname.slice("/openai".length) : url.pathname;
      if (azure) {
        if (!req.headers["api-key"]) throw new ApiError(401, AZURE_NO_KEY, { code: "401" });
      } else {
        const auth = req.headers.authorization;
        if (!auth || !/^Bearer\s+\S+/i.test(auth)) throw new ApiError(401, NO_KEY);
      }
      const found = findRoute(method, path2);
      if (!found) throw new ApiError(404, `Invalid URL (${method} ${url.pathname})`);
      const dropDraw = services.random();
      const faultDraw = services.random();
      const ctx = { req, res, params: found.params, query: url.searchParams, headers, dropMidway: false, azure };
      if (azure && method === "POST") await checkDeployment(ctx, path2, services);
      if (dropDraw < services.cfg.dropRate) {
        if (method === "GET" && url.pathname.endsWith("/content")) ctx.dropMidway = dropMidway = true;
        else {
          req.socket.destroy();
          return;
        }
      }
      if (faultDraw < services.cfg.httpFaultRate) {
        req.resume();
        throw faultDraw < services.cfg.httpFaultRate / 2 ? serverError() : overloaded3();
      }
      await found.route.handle(ctx, services);
    } catch (err) {
      if (res.headersSent || res.destroyed || dropMidway || services.closing.aborted) {
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
function rate(name, value2, fallback) {
  const v = value2 ?? fallback;
  if (!(v >= 0 && v <= 1)) throw new RangeError(`${name} must be between 0 and 1, got ${v}`);
  return v;
}
function oneOf3(name, value2, allowed, fallback) {
  const v = value2 ?? fallback;
  if (!allowed.includes(v)) throw new RangeError(`${name} must be one of ${allowed.join(", ")}, got ${String(v)}`);
  return v;
}
function atLeast(name, value2, fallback, min = 0) {
  const v = value2 ?? fallback;
  if (!(v >= min)) throw new RangeError(`${name} must be a number \u2265 ${min}, got ${v}`);
  return v;
}
function resolve(opts) {
  const finalizeMs = opts.finalizeMs ?? 200;
  return {
    ...opts.gemini ? { gemini: opts.gemini } : {},
    ...opts.anthropic ? { anthropic: opts.anthropic } : {},
    failRate: rate("failRate", opts.failRate, 0),
    httpFaultRate: rate("httpFaultRate", opts.httpFaultRate, 0),
    dropRate: rate("dropRate", opts.dropRate, 0),
    // Small batches finish in about 2 s: fast enough for tests and demos, slow enough to watch progress.
    completeAfterMs: opts.completeAfterMs ?? 2e3,
    expireAfterMs: opts.expireAfterMs ?? null,
    rpm: opts.rpm ?? null,
    tpm: opts.tpm ?? null,
    queueLimit: opts.queueLimit ?? null,
    limiter: oneOf3("limiter", opts.limiter, ["bucket", "window"], "bucket"),
    perSecond: opts.perSecond ?? false,
    tokenCounting: oneOf3("tokenCounting", opts.tokenCounting, ["max", "sum"], "max"),
    latencyMs: atLeast("latencyMs", opts.latencyMs, 0),
    latencyJitter: rate("latencyJitter", opts.latencyJitter, 0.2),
    // Flex is "slower response times"; Fast mode "up to 2.5x faster speeds": the factors are ours.
    flexSlowdownFactor: atLeast("flexSlowdownFactor", opts.flexSlowdownFactor, 3),
    priorityLatencyFactor: atLeast("priorityLatencyFactor", opts.priorityLatencyFactor, 0.5),
    // "You can create up to 2,000 batches per hour."
    creationsPerHour: atLeast("creationsPerHour", opts.creationsPerHour, 2e3),
    cancelAfterMs: atLeast("cancelAfterMs", opts.cancelAfterMs, finalizeMs),
    // OpenAI documents only that a cancelled batch's finished answers are in the output file.
    cancelledLines: oneOf3("cancelledLines", opts.cancelledLines, ["omitted", "error-file"], "omitted"),
    flexUnavailableRate: rate("flexUnavailableRate", opts.flexUnavailableRate, 0),
    flexDelayMs: opts.flexDelayMs ?? 0,
    seed: opts.seed ?? 0,
    validateMs: opts.validateMs ?? 200,
    finalizeMs,
    now: opts.now ?? Date.now,
    log: opts.log ?? (() => {
    })
  };
}
async function startEmulator(opts = {}) {
  const cfg = resolve(opts);
  const ownDir = opts.dataDir == null;
  const dir = opts.dataDir ?? await mkdtemp(join6(tmpdir(), "batchwise-emulator-"));
  const files = new FileStore(dir, cfg.now);
  await files.open();
  const cache = new PromptCache(opts.promptCacheEntries);
  const models = new ModelCatalog(opts.catalog, cfg.log, opts.azureDeployments ?? {});
  const batches = new BatchService(cfg, files, dir, { cache, models });
  await batches.open();
  const limiter = new RateLimiter({ rpm: cfg.rpm, tpm: cfg.tpm, limiter: cfg.limiter, perSecond: cfg.perSecond, now: cfg.now });
  const stopping = new AbortController();
  const server = createServer(
    createHandler({
      cfg,
      files,
      batches,
      limiter,
      cache,
      models,
      random: seededStream(cfg.seed),
      // Its own stream, so that turning latency on does not move the seeded faults.
      latencyRandom: seededStream((cfg.seed ^ 1597463007) >>> 0),
      closing: stopping.signal
    })
  );
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
    origin: `http://${shownHost}:${port}`,
    port,
    close() {
      closing ??= (async () => {
        const stopped = new Promise((r) => server.close(() => r()));
        stopping.abort();
        server.closeAllConnections();
        await stopped;
        await batches.close();
        if (ownDir) await rm6(dir, { recursive: true, force: true });
      })();
      return closing;
    }
  };
}

// src/cli/demo.ts
function example(name) {
  return relative(
    process.cwd(),
    [new URL(`../../examples/${name}`, import.meta.url), new URL(`../examples/${name}`, import.meta.url)].map((u) => fileURLToPath(u)).find((p) => existsSync(p)) ?? `examples/${name}`
  );
}
var EXAMPLE = example("requests.jsonl");
var PROVIDER_EXAMPLE = {
  openai: "requests.jsonl",
  azure: "providers/azure.jsonl",
  anthropic: "providers/anthropic.jsonl",
  gemini: "providers/gemini.jsonl"
};
var DEMO_DEPLOYMENT = { name: "demo-mini", model: "gpt-5.4-mini" };
function addDemoCommand(program3) {
  const cmd = program3.command("demo").description("estimate and run examples/requests.jsonl against a built-in emulator: no API key, no network").addHelpText("after", "\nExamples:\n  npm run demo                 (from a clone)\n  npx batchwise demo --provider anthropic   (the same job through Anthropic Message Batches)\n  npx batchwise demo --file my.jsonl --out demo-results/").addOption(new Option("--provider <name>", "whose API the emulator plays: the file runs through that provider's batch API").choices([...PROVIDER_NAMES]).default("openai")).option("--file <file>", `request file to run (default: ${EXAMPLE}, or examples/providers/PROVIDER.jsonl)`).option("--out <dir>", "results folder (default: a new temporary folder)").option("--min-savings <usd>", "auto: use sync when batch saves no more than this (the demo costs nothing: 0)", usdArg, 0);
  addFormatOption(cmd).action(async (flags) => {
    process.exitCode = await demo(flags);
  });
}
async function demo(flags) {
  const json2 = useFormat(flags);
  const provider = flags.provider;
  const file = flags.file ?? example(PROVIDER_EXAMPLE[provider]);
  const emulator = await startEmulator({ port: 0, completeAfterMs: 3e3, azureDeployments: { [DEMO_DEPLOYMENT.name]: DEMO_DEPLOYMENT.model } });
  const out = flags.out ?? mkdtempSync(join7(tmpdir2(), "batchwise-demo-"));
  const say = (s) => (json2 ? process.stderr : process.stdout).write(`${s}
`);
  try {
    say(`batchwise demo: a local ${PROVIDER_LABELS[provider]} emulator is listening on ${provider === "openai" ? emulator.url : emulator.origin} (no key, no network)
`);
    const catalog2 = catalogForProvider(provider, loadCatalog());
    say(renderEstimateTable(await estimateFile(file, { catalog: catalog2, minSavingsUsd: flags.minSavings, displayName: file })));
    if (flags.minSavings < DEFAULT_MIN_SAVINGS_USD) {
      say(`(the demo sets --min-savings to ${formatUsd(flags.minSavings)}: a file this small saves a fraction of a cent, and the default ${formatUsd(DEFAULT_MIN_SAVINGS_USD)} would pick sync)
`);
    }
    say("running it in --mode auto:");
    const summary = await runFile(file, {
      mode: "auto",
      outDir: out,
      catalog: catalog2,
      provider,
      apiKey: "sk-demo",
      baseURL: provider === "openai" ? emulator.url : emulator.origin,
      ...provider === "azure" ? { deployments: { byModel: {}, fallback: DEMO_DEPLOYMENT.name } } : {},
      minSavingsUsd: flags.minSavings,
      pollIntervalMs: { min: 500, max: 2e3 },
      log: (line) => process.stderr.write(`  ${line}
`)
    });
    if (json2) printJson(runSummaryJson(summary));
    say(`
${describeSummary(summary)}`);
    const first = readFileSync(summary.results_path, "utf8").split("\n").filter(Boolean).slice(0, 3);
    say("first answers:");
    for (const l of first) {
      const r = JSON.parse(l);
      say(`  ${r.custom_id} (${r.status}, ${r.mode}): ${answerText(r.response).slice(0, 70)}`);
    }
    const flag = provider === "openai" ? "" : ` --provider ${provider}${provider === "azure" ? " --deployment MODEL=DEPLOYMENT" : ""}`;
    say(`
next: npx batchwise estimate YOUR.jsonl${provider === "openai" ? "" : ` --provider ${provider}`}, then npx batchwise run YOUR.jsonl${flag} --out results (with ${KEY_ENV[provider][0]} set${provider === "azure" ? " and AZURE_OPENAI_ENDPOINT" : ""})`);
    return summary.exit_code;
  } catch (err) {
    return reportRunFailure(err, "sk-demo");
  } finally {
    await emulator.close();
  }
}

// src/cli/emulator.ts
function rateArg(value2) {
  const n = Number(value2);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError("expected a fraction between 0 and 1, like 0.05");
  return n;
}
function countArg2(value2) {
  const n = Number(value2);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("expected a whole number");
  return n;
}
function factorArg(value2) {
  const n = Number(value2);
  if (!(n >= 0) || value2.trim() === "") throw new InvalidArgumentError("expected a number \u2265 0, like 3 or 0.5");
  return n;
}
function choiceArg(allowed) {
  return (value2) => {
    if (!allowed.includes(value2)) throw new InvalidArgumentError(`expected one of ${allowed.join(", ")}`);
    return value2;
  };
}
function durationArg2(value2) {
  try {
    return parseDuration(value2);
  } catch (err) {
    throw new InvalidArgumentError(err.message);
  }
}
function deploymentArg(value2, previous = {}) {
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]{0,63})=(\S+)$/.exec(value2.trim());
  if (!m) throw new InvalidArgumentError("expected NAME=MODEL, e.g. evals-mini=gpt-5.4-mini");
  return { ...previous, [m[1]]: m[2] };
}
function addEmulatorCommand(program3) {
  program3.command("emulator").description("run a local stand-in for the OpenAI API (files, batches, chat, embeddings, responses), Azure OpenAI, Anthropic Message Batches and Gemini Batch Mode, with fault injection").addHelpText("after", "\nExamples:\n  batchwise emulator --port 8089\n  batchwise emulator --limiter bucket --rpm 300 --tpm 60000 --latency 3s\n  OPENAI_BASE_URL=http://127.0.0.1:8089/v1 OPENAI_API_KEY=sk-any batchwise run requests.jsonl --out results/\n  ANTHROPIC_BASE_URL=http://127.0.0.1:8089 ANTHROPIC_API_KEY=any batchwise run claude.jsonl --provider anthropic --out results/").option("--port <n>", "port to listen on (0: any free port)", countArg2, 0).option("--host <host>", "address to bind", "127.0.0.1").option("--fail-rate <r>", "fraction of batch lines that fail (500, 429 and 400 lines)", rateArg).option("--http-fault-rate <r>", "fraction of calls answered 500/503", rateArg).option("--drop-rate <r>", "fraction of calls whose connection is reset", rateArg).option("--complete-after <dur>", "how long a batch runs, like 500ms, 30s, 5m", durationArg2).option("--expire-after <dur>", "a batch still running after this long expires (default: 24h)", durationArg2).option("--rpm <n>", "requests per minute per model on the sync endpoints", countArg2).option("--tpm <n>", "tokens per minute per model on the sync endpoints", countArg2).option("--limiter <kind>", "how --rpm/--tpm are kept: bucket (continuous token bucket) or window (sliding 60s)", choiceArg(["bucket", "window"]), "bucket").option("--per-second", "also refuse more than limit/60 requests or tokens within any 1s").option("--token-counting <how>", "what a request counts against --tpm: max (max_tokens vs chars/4) or sum (input + max_tokens)", choiceArg(["max", "sum"]), "max").option("--latency <dur>", "hold each sync answer this long, like 800ms or 3s", durationArg2).option("--latency-jitter <r>", "latency varies by \xB1 this fraction (default: 0.2)", rateArg).option("--flex-slowdown-factor <x>", "flex answers take this many times --latency (default: 3)", factorArg).option("--priority-latency-factor <x>", "priority answers take this many times --latency (default: 0.5)", factorArg).option("--queue-limit <tokens>", "enqueued batch input tokens allowed per model", countArg2).option("--creations-per-hour <n>", "batches that can be created per hour (default: 2000)", countArg2).option("--cancel-after <dur>", "how long a cancelled batch shows cancelling", durationArg2).option("--cancelled-lines <where>", "a cancelled batch's unrun lines: omitted, or error-file (batch_cancelled)", choiceArg(["omitted", "error-file"]), "omitted").option("--seed <n>", "seed for answers and faults", countArg2).option("--data-dir <dir>", "keep files and batches here across restarts").addOption(new Option("--format <format>", "how the listening address is printed (json: one object, for scripts)").choices(["text", "json"]).default("text")).option("--json", "the same as --format json").option("--azure-deployment <name=model>", "Azure (/openai/v1, api-key): a deployment and the model it serves (repeatable); calls must then name a deployment", deploymentArg).action(async (flags) => {
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
      limiter: flags.limiter,
      perSecond: flags.perSecond ?? false,
      tokenCounting: flags.tokenCounting,
      latencyMs: flags.latency,
      latencyJitter: flags.latencyJitter,
      flexSlowdownFactor: flags.flexSlowdownFactor,
      priorityLatencyFactor: flags.priorityLatencyFactor,
      queueLimit: flags.queueLimit ?? null,
      creationsPerHour: flags.creationsPerHour,
      cancelAfterMs: flags.cancelAfter,
      cancelledLines: flags.cancelledLines,
      seed: flags.seed,
      dataDir: flags.dataDir ?? null,
      ...flags.azureDeployment ? { azureDeployments: flags.azureDeployment } : {},
      log: (line) => process.stderr.write(`${line}
`)
    };
    const emulator = await startEmulator(options);
    if (flags.json || flags.format === "json") {
      process.stdout.write(`${JSON.stringify({ url: emulator.url, origin: emulator.origin, port: emulator.port })}
`);
    } else {
      process.stdout.write(`listening on ${emulator.url}
`);
      process.stdout.write(
        `  openai:    OPENAI_BASE_URL=${emulator.url}
  azure:     AZURE_OPENAI_ENDPOINT=${emulator.origin}
  anthropic: ANTHROPIC_BASE_URL=${emulator.origin}
  gemini:    GEMINI_BASE_URL=${emulator.origin}
`
      );
    }
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
  addTemplateOptions(cmd).option("--id-column <column>", "the column whose values become custom_ids (default: row-1, row-2, \u2026)").addOption(new Option("--format <format>", "the table format when the extension does not say").choices(["csv", "jsonl"])).requiredOption("--out <file>", "the request file to write (JSONL)").option("--pricing <file>", "JSON file that adds or overrides model prices (for the estimate)").option("--json", "print what was written and its estimate as JSON (errors too)").addHelpText("after", "\nExample:\n  batchwise prepare reviews.csv --template prompt.txt --model gpt-5.4-mini --id-column id --out requests.jsonl").action(async (data, flags) => {
    process.exitCode = await runPrepare(data, flags);
  });
}
async function runPrepare(data, flags) {
  const json2 = useFormat({ json: flags.json });
  try {
    const catalog2 = loadCatalog(flags.pricing);
    const result = await prepareRequests({ ...requestSpecOf(flags), data, format: flags.format, idColumn: flags.idColumn, out: flags.out });
    for (const note of result.notes) process.stderr.write(`note: ${note}
`);
    const estimate = await estimateFile(result.path, { catalog: catalog2, displayName: result.path });
    if (json2) {
      printJson({ file: result.path, requests: result.requests, model: result.model, endpoint: result.endpoint, notes: result.notes, estimate: estimateToJson(estimate) });
      return 0;
    }
    process.stdout.write(`wrote ${result.requests} requests (${result.model}, ${result.endpoint}) to ${result.path}

`);
    process.stdout.write(renderEstimateTable(estimate));
    return 0;
  } catch (err) {
    return reportFailure(err);
  }
}

// src/cli/join.ts
import { dirname, join as join8 } from "node:path";
function addJoinCommand(program3) {
  const cmd = program3.command("join").description("put a run's answers back on the table they came from, matched by custom_id").argument("<data>", "the table the requests were prepared from (.csv or .jsonl)").argument("<results>", "DIR/results.jsonl written by `batchwise run`").option("--out <file>", "the joined CSV (default: results.csv beside results.jsonl)").option("--id-column <column>", "the id column prepare used (default: rows match row-1, row-2, \u2026)").option("--parse <how>", '"json", or a regular expression whose named groups become columns').option("--requests <file>", "the request file that ran: unparsed answers are written again from it").addOption(new Option("--format <format>", "the table format when the extension does not say").choices(["csv", "jsonl"])).option("--json", "print the join summary as JSON (errors too)").addHelpText("after", "\nExample:\n  batchwise join reviews.csv results/results.jsonl --id-column id --parse json");
  addTemplateOptions(cmd).action(async (data, results, flags) => {
    process.exitCode = await runJoin(data, results, flags);
  });
}
async function runJoin(data, results, flags) {
  const json2 = useFormat({ json: flags.json });
  try {
    const spec = requestSpecOf(flags);
    const hasSpec = spec.template !== void 0 || spec.prompt !== void 0;
    const summary = await joinResults({
      data,
      results,
      out: flags.out ?? join8(dirname(results), "results.csv"),
      format: flags.format,
      idColumn: flags.idColumn,
      // A schema given alone still says the answers are JSON.
      parse: flags.parse ?? (flags.responseFormat !== void 0 && !hasSpec ? "json" : void 0),
      requests: flags.requests,
      prepare: hasSpec ? spec : void 0
    });
    if (json2) printJson(summary);
    else process.stdout.write(renderJoinSummary(summary));
    return 0;
  } catch (err) {
    return reportFailure(err);
  }
}

// src/cli/pricing.ts
import { writeFileSync } from "node:fs";

// src/pricing/update/catalogRows.ts
var DAY_MS3 = 864e5;
function catalogRows(catalog2, today2, options = {}) {
  const filter = options.model?.toLowerCase();
  const models = [];
  for (const key of Object.keys(catalog2.models).sort()) {
    const entry = catalog2.models[key];
    if (filter !== void 0 && ![key, ...entry.snapshots].some((name) => name.toLowerCase().includes(filter))) continue;
    const p = pricingOf(key, entry);
    models.push({
      model: key,
      sync: rowPrice(p.sync),
      batch: rowPrice(p.batch),
      flex: p.flex === null ? null : rowPrice(p.flex),
      priority: p.priority === null ? null : rowPrice(p.priority),
      as_of: entry.as_of,
      shutdown: entry.shutdown,
      days_to_shutdown: entry.shutdown === null ? null : daysBetween(today2, entry.shutdown),
      replacement: entry.replacement,
      origin: p.origin,
      source: entry.source
    });
  }
  return { as_of: catalog2.as_of, age_days: daysBetween(catalog2.as_of, today2), models };
}
function shutdownStatus(days) {
  if (days === null) return null;
  if (days <= 0) return "shut down";
  return `in ${days} day${days === 1 ? "" : "s"}`;
}
function ageLine(listing) {
  const d = listing.age_days;
  const ago = d === 0 ? "0 days ago" : d > 0 ? `${d} day${d === 1 ? "" : "s"} ago` : `${-d} day${d === -1 ? "" : "s"} from now`;
  return `prices checked ${listing.as_of}, ${ago}`;
}
function rowPrice(p) {
  return { input: p.input, cached_input: p.cached_input, output: p.output };
}
function daysBetween(from, to) {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS3);
}

// src/pricing/update/readPricingPage.ts
import { readFileSync as readFileSync2 } from "node:fs";
var FETCH_TIMEOUT_MS = 3e4;
var NETWORK_ERRORS = {
  ENOTFOUND: "host not found (no network, or a typo in the URL?)",
  EAI_AGAIN: "host not found (no network?)",
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  ETIMEDOUT: "connection timed out",
  CERT_HAS_EXPIRED: "the server certificate has expired"
};
async function readPricingPage(from) {
  if (!/^https?:\/\//i.test(from)) return readFileSync2(from, "utf8");
  let response;
  try {
    response = await fetch(from, {
      headers: { accept: "text/markdown, text/plain;q=0.9, */*;q=0.1", "user-agent": `batchwise/${VERSION}` },
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS)
    });
  } catch (err) {
    const cause = err.cause;
    const code = cause?.code;
    const reason = err.name === "TimeoutError" ? `no answer in ${FETCH_TIMEOUT_MS / 1e3}s` : code !== void 0 ? `${NETWORK_ERRORS[code] ?? code}${NETWORK_ERRORS[code] ? ` (${code})` : ""}` : cause?.message ?? err.message;
    throw new PricingFileError(from, null, `cannot fetch the page: ${reason}`);
  }
  if (!response.ok) throw new PricingFileError(from, null, `cannot fetch the page: HTTP ${response.status} ${response.statusText}`.trimEnd());
  return response.text();
}

// src/pricing/update/columns.ts
function columns(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i])).join("  ").trimEnd());
}
function formatPrice(n) {
  return String(Number(n.toFixed(6)));
}

// src/pricing/update/renderCatalog.ts
var NONE = "\u2014";
function renderCatalogTable(listing, overrides) {
  const head = `${ageLine(listing)}${overrides ? ` (with ${overrides} laid over)` : ""}; USD per 1M tokens, input / cached / output`;
  if (listing.models.length === 0) return `${head}
no model matches
`;
  const showOrigin = listing.models.some((r) => r.origin !== "catalog");
  const header = ["model", "sync", "batch", "flex", "priority", "checked", "shutdown", "replacement", ...showOrigin ? ["origin"] : []];
  const rows = listing.models.map((r) => [
    r.model,
    modeCell(r.sync),
    modeCell(r.batch),
    modeCell(r.flex),
    modeCell(r.priority),
    r.as_of,
    shutdownCell(r),
    r.replacement ?? NONE,
    ...showOrigin ? [r.origin] : []
  ]);
  return `${head}

${columns([header, ...rows]).join("\n")}
`;
}
function modeCell(p) {
  if (p === null) return NONE;
  return `${formatPrice(p.input)} / ${p.cached_input === null ? NONE : formatPrice(p.cached_input)} / ${formatPrice(p.output)}`;
}
function shutdownCell(r) {
  if (r.shutdown === null) return NONE;
  return `${r.shutdown} (${shutdownStatus(r.days_to_shutdown)})`;
}

// src/pricing/update/renderUpdate.ts
var NONE2 = "\u2014";
var TIER_NAMES = { sync: "Standard", batch: "Batch", flex: "Flex", priority: "Fast" };
function renderUpdate(update, out) {
  const { diff } = update;
  const models = Object.keys(update.catalog.models).length;
  const tables = Object.keys(TIER_NAMES).filter((t) => update.tables[t] > 0).map((t) => TIER_NAMES[t]);
  const lines = [
    `${models} models on ${update.source} (${tables.join(", ")} tables), read ${update.as_of}.`,
    `Against the bundled catalog (prices checked ${update.against.as_of}): ${diff.added.length} new, ${diff.removed.length} not on the page, ${diff.changed.length} price${diff.changed.length === 1 ? "" : "s"} changed.`
  ];
  if (diff.added.length > 0) {
    lines.push("", `New (${diff.added.length}):`);
    const rows = diff.added.map((m) => {
      const e = update.catalog.models[m];
      return [
        `  ${m}`,
        `sync ${mode({ input: e.input, cached_input: e.cached_input, cache_write: e.cache_write, output: e.output })}`,
        `batch ${mode({ input: e.batch_input, cached_input: e.batch_cached_input, cache_write: e.batch_cache_write, output: e.batch_output })}`
      ];
    });
    lines.push(...columns(rows));
  }
  if (diff.removed.length > 0) {
    lines.push("", `Not on the page (${diff.removed.length}; left out of the file):`, ...diff.removed.map((m) => `  ${m}`));
  }
  if (diff.changed.length > 0) {
    lines.push("", `Changed (${diff.changed.length}):`, ...diff.changed.map((c) => `  ${changeLine(c)}`));
  }
  const folded = Object.entries(update.folded);
  if (folded.length > 0) {
    lines.push("", "Read as their catalog entry:", ...folded.map(([name, key]) => `  ${name} \u2192 ${key}`));
  }
  if (update.warnings.length > 0) lines.push("", "Notes:", ...update.warnings.map((w) => `  ${w}`));
  lines.push("", out === null ? "Nothing written (--out FILE writes the pricing file)." : `Wrote ${out}.`);
  return `${lines.join("\n")}
`;
}
function updateToJson(update, out) {
  return {
    source: update.source,
    as_of: update.as_of,
    against: update.against,
    models: Object.keys(update.catalog.models).length,
    out,
    added: update.diff.added,
    removed: update.diff.removed,
    changed: update.diff.changed,
    folded: update.folded,
    warnings: update.warnings
  };
}
function changeLine(c) {
  return `${c.model} ${c.field} ${value(c.from)} \u2192 ${value(c.to)}`;
}
function value(v) {
  if (v === null) return NONE2;
  return typeof v === "number" ? formatPrice(v) : mode(v);
}
function mode(p) {
  const write = p.cache_write == null ? "" : ` (write ${formatPrice(p.cache_write)})`;
  return `${formatPrice(p.input)} / ${p.cached_input === null ? NONE2 : formatPrice(p.cached_input)} / ${formatPrice(p.output)}${write}`;
}

// src/pricing/update/catalogFromPage.ts
var DEFAULT_LONG_CONTEXT_TOKENS = 272e3;
var TIER_NAMES2 = { sync: "Standard", batch: "Batch", flex: "Flex", priority: "Fast" };
function catalogFromPage(page, bundled, ctx) {
  const owners = /* @__PURE__ */ new Map();
  for (const [key, entry] of Object.entries(bundled)) for (const s of entry.snapshots ?? []) owners.set(s, key);
  const warnings = [...page.warnings];
  const missing = new Set(["batch", "flex", "priority"].filter((t) => page.tables[t] === 0));
  for (const tier of missing) {
    warnings.push(`the page has no ${TIER_NAMES2[tier]} table batchwise recognises: ${TIER_NAMES2[tier]} prices are carried over from the bundled catalog`);
  }
  const folded = {};
  const split = /* @__PURE__ */ new Set();
  const keyOf2 = /* @__PURE__ */ new Map();
  const rowsOf = new Map(page.models);
  for (const [name, rows] of page.models) {
    if (rows.sync === void 0) {
      const tiers = Object.keys(rows).map((t) => TIER_NAMES2[t]).join(" and ");
      warnings.push(`${name} is only in the page's ${tiers} table, without a Standard price: left out`);
      continue;
    }
    const owner = Object.hasOwn(bundled, name) ? void 0 : owners.get(name);
    const ownerRows = owner === void 0 ? void 0 : page.models.get(owner);
    if (owner === void 0) keyOf2.set(name, name);
    else if (ownerRows === void 0) {
      folded[name] = owner;
      keyOf2.set(name, owner);
    } else if (agree(rows, ownerRows)) {
      folded[name] = owner;
      rowsOf.set(owner, { ...rows, ...ownerRows });
    } else {
      keyOf2.set(name, name);
      split.add(name);
    }
  }
  const models = {};
  for (const [name, key] of keyOf2) {
    if (Object.hasOwn(models, key)) {
      warnings.push(`${name} and another row of the page both price ${key}: kept the first`);
      continue;
    }
    const alsoOnPage = Object.keys(folded).filter((n) => folded[n] === key);
    models[key] = entryFor(rowsOf.get(name), Object.hasOwn(bundled, key) ? bundled[key] : void 0, ctx, { split, alsoOnPage, missing });
  }
  const catalog2 = {
    as_of: ctx.today,
    source: ctx.source,
    notes: [
      `Written by \`batchwise pricing update\` on ${ctx.today} from ${ctx.source}: every model of the page's text-token tables (Standard, Batch, Flex, Fast). All prices USD per 1M tokens.`,
      "Only the prices come from the page; limits, encoding, endpoints, snapshots, release and shutdown dates come from the bundled catalog, and are empty for models it did not have.",
      "Models of the bundled catalog that the page does not list are not in this file.",
      ...warnings.map((w) => `While reading the page: ${w}.`)
    ],
    models
  };
  return { catalog: catalog2, folded, warnings };
}
function entryFor(rows, known, ctx, e) {
  const sync = rows.sync;
  const notes = [];
  const carried = (tier) => e.missing.has(tier) && known !== void 0;
  const batchRow = rows.batch?.short;
  let batch;
  if (batchRow !== void 0) batch = batchRow;
  else if (carried("batch")) {
    batch = { input: known.batch_input, cached_input: known.batch_cached_input, cache_write: known.batch_cache_write, output: known.batch_output };
  } else {
    batch = { input: sync.short.input * BATCH_DISCOUNT, cached_input: null, cache_write: null, output: sync.short.output * BATCH_DISCOUNT };
    notes.push(`The page shows no Batch price: batch is 50% of standard (the Batch guide's "50% cost discount"), with no batch cache discount.`);
  }
  const flex = carried("flex") ? structuredClone(known.flex ?? null) : modePrice(rows.flex);
  const priority = carried("priority") ? structuredClone(known.priority ?? null) : modePrice(rows.priority);
  const kept = ["batch", "flex", "priority"].filter((t) => carried(t)).map((t) => TIER_NAMES2[t]);
  if (kept.length > 0) notes.push(`${kept.join(" and ")} prices from the bundled catalog (the page had no such table).`);
  const long_context = longContextRule(sync, notes);
  for (const tier of ["batch", "flex", "priority"]) {
    const row = rows[tier];
    if (row !== void 0) checkLongCells(tier, row, long_context, notes);
  }
  if (e.alsoOnPage.length > 0) notes.push(`The page's rows for ${e.alsoOnPage.join(", ")} are read as this entry (its snapshots, at its prices).`);
  if (known === void 0) {
    notes.push("New on the pricing page: limits, encoding, endpoints, release date and regional uplift are not on that page (left empty; see the model page).");
  } else {
    notes.push(`Other fields from the bundled catalog (as of ${known.as_of}).`);
  }
  return {
    input: sync.short.input,
    cached_input: sync.short.cached_input,
    cache_write: sync.short.cache_write,
    output: sync.short.output,
    batch_input: batch.input,
    batch_cached_input: batch.cached_input,
    batch_cache_write: batch.cache_write,
    batch_output: batch.output,
    flex,
    priority,
    long_context,
    regional_uplift: known?.regional_uplift ?? null,
    media: structuredClone(known?.media ?? null),
    ...known?.encoding !== void 0 ? { encoding: known.encoding } : {},
    max_output_tokens: known?.max_output_tokens ?? null,
    context_window: known?.context_window ?? null,
    reasoning: known?.reasoning ?? false,
    endpoints: [...known?.endpoints ?? []],
    snapshots: [.../* @__PURE__ */ new Set([...(known?.snapshots ?? []).filter((s) => !e.split.has(s)), ...e.alsoOnPage])],
    released: known?.released ?? null,
    shutdown: known?.shutdown ?? null,
    replacement: known?.replacement ?? null,
    as_of: ctx.today,
    source: ctx.source,
    note: notes.join(" "),
    origin: "catalog"
  };
}
function modePrice(row) {
  if (row === void 0) return null;
  const { input, cached_input, cache_write, output } = row.short;
  return { input, cached_input, cache_write, output };
}
function longContextRule(sync, notes) {
  const long = sync.long;
  if (long === null || long.input === null || long.output === null) return null;
  const rule = {
    above_input_tokens: sync.above_input_tokens ?? DEFAULT_LONG_CONTEXT_TOKENS,
    input: ratio(long.input, sync.short.input),
    output: ratio(long.output, sync.short.output)
  };
  for (const field of ["cached_input", "cache_write"]) {
    const s = sync.short[field];
    const l = long[field];
    if (s !== null && l !== null && !close(l, s * rule.input)) {
      notes.push(`The page's long-context ${field} (${l}) is not ${rule.input}x the short one (${s}); the rule uses ${rule.input}x.`);
    }
  }
  return rule;
}
function checkLongCells(tier, row, rule, notes) {
  const name = TIER_NAMES2[tier];
  if (rule === null) {
    if (row.long !== null) notes.push(`The page's ${name} table has long-context prices, its Standard table none: they are not used.`);
    return;
  }
  if (row.long === null) {
    notes.push(`The page's ${name} table shows no long-context prices (the rule, ${rule.input}x / ${rule.output}x above ${rule.above_input_tokens} tokens, is applied to it too).`);
    return;
  }
  const expected = (field) => {
    const s = row.short[field];
    return s === null ? null : s * (field === "output" ? rule.output : rule.input);
  };
  const off = ["input", "cached_input", "cache_write", "output"].filter((f) => {
    const want = expected(f);
    const got = row.long[f];
    return want !== null && got !== null && !close(got, want);
  });
  if (off.length > 0) notes.push(`The page's ${name} long-context ${off.join(", ")} differ from the Standard table's ${rule.input}x / ${rule.output}x.`);
}
function agree(a, b) {
  return ["sync", "batch", "flex", "priority"].every((t) => {
    const x = a[t];
    const y = b[t];
    return x === void 0 || y === void 0 || JSON.stringify([x.short, x.long]) === JSON.stringify([y.short, y.long]);
  });
}
function ratio(a, b) {
  return Math.round(a / b * 1e4) / 1e4;
}
function close(a, b) {
  return Math.abs(a - b) <= 0.05 * Math.max(Math.abs(a), Math.abs(b)) + 1e-12;
}

// src/pricing/update/diffCatalog.ts
var MODE_FIELDS = ["input", "cached_input", "cache_write", "output"];
function diffCatalog(before, after) {
  const added = Object.keys(after).filter((m) => !Object.hasOwn(before, m)).sort();
  const removed = Object.keys(before).filter((m) => !Object.hasOwn(after, m)).sort();
  const changed = [];
  for (const model3 of Object.keys(after).filter((m) => Object.hasOwn(before, m)).sort()) {
    changed.push(...entryChanges(model3, before[model3], after[model3]));
  }
  return { added, removed, changed };
}
function entryChanges(model3, a, b) {
  const out = [];
  const pa = pricingOf(model3, a);
  const pb = pricingOf(model3, b);
  for (const mode2 of PRICE_MODES) {
    const x = pa[mode2];
    const y = pb[mode2];
    if (x === null && y === null) continue;
    if (x === null || y === null) {
      out.push({ model: model3, field: mode2, from: x, to: y });
      continue;
    }
    for (const f of MODE_FIELDS) {
      const from = x[f] ?? null;
      const to = y[f] ?? null;
      if (from !== to) out.push({ model: model3, field: `${mode2}.${f}`, from, to });
    }
  }
  const la = a.long_context ?? {};
  const lb = b.long_context ?? {};
  for (const f of ["above_input_tokens", "input", "output"]) {
    const from = la[f] ?? null;
    const to = lb[f] ?? null;
    if (from !== to) out.push({ model: model3, field: `long_context.${f}`, from, to });
  }
  return out;
}

// src/pricing/update/updateFromPage.ts
function updateFromPage(markdown, current, ctx) {
  const page = parsePricingPage(markdown, ctx.source);
  const { catalog: catalog2, folded, warnings } = catalogFromPage(page, current.models, ctx);
  return {
    source: ctx.source,
    as_of: ctx.today,
    catalog: catalog2,
    tables: page.tables,
    diff: diffCatalog(current.models, catalog2.models),
    against: { as_of: current.as_of, source: current.source },
    folded,
    warnings
  };
}

// src/cli/pricing.ts
function addPricingCommand(program3) {
  program3.enablePositionalOptions();
  const pricing = program3.command("pricing").description("list the price catalog: every mode per 1M tokens, when it was checked, shutdown dates").addHelpText("after", "\nExamples:\n  batchwise pricing --model gpt-5\n  batchwise pricing --format json\n  batchwise pricing update --from https://developers.openai.com/api/docs/pricing.md --out prices.json").addOption(new Option("--format <format>", "output format").choices(["table", "json"]).default("table")).option("--pricing <file>", "JSON file that adds or overrides model prices").option("--model <text>", "only models whose name contains this").enablePositionalOptions().action((flags) => {
    process.exitCode = listCatalog(flags);
  });
  pricing.command("update").description("read OpenAI's pricing page into a pricing file and show what changed against the bundled catalog").addHelpText("after", "\nExamples:\n  batchwise pricing update --from https://developers.openai.com/api/docs/pricing.md\n  batchwise pricing update --from saved-pricing.md --out prices.json   (then: --pricing prices.json)").requiredOption("--from <file-or-url>", `the page's Markdown: a file, or a URL such as ${PRICING_PAGE_URL}`).option("--out <file>", "write the pricing file (the data/pricing.json format) here").addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text")).action(async (flags) => {
    process.exitCode = await updateCatalog(flags);
  });
}
function listCatalog(flags) {
  try {
    const catalog2 = loadCatalog(flags.pricing);
    const listing = catalogRows(catalog2, today(), { model: flags.model });
    process.stdout.write(flags.format === "json" ? `${JSON.stringify(listing, null, 2)}
` : renderCatalogTable(listing, catalog2.overrides));
    return 0;
  } catch (err) {
    return reportFailure(err);
  }
}
async function updateCatalog(flags) {
  try {
    const markdown = await readPricingPage(flags.from);
    const update = updateFromPage(markdown, loadCatalog(), { today: today(), source: flags.from });
    if (flags.out !== void 0) writeFileSync(flags.out, `${JSON.stringify(update.catalog, null, 2)}
`);
    const out = flags.out ?? null;
    process.stdout.write(flags.format === "json" ? `${JSON.stringify(updateToJson(update, out), null, 2)}
` : renderUpdate(update, out));
    return 0;
  } catch (err) {
    return reportFailure(err);
  }
}
function today() {
  return (/* @__PURE__ */ new Date()).toISOString().slice(0, 10);
}

// src/cli/main.ts
for (const names of Object.values(KEY_ENV)) for (const name of names) registerSecret(process.env[name]);
scrubProcessOutput();
var program2 = new Command("batchwise").description("Estimate, decide and run OpenAI-format request files: sync vs flex vs batch, on OpenAI, Azure OpenAI, Anthropic or Gemini").version(VERSION);
addDemoCommand(program2);
addEstimateCommand(program2);
addRunCommand(program2);
addStatusCommand(program2);
addCancelCommand(program2);
addPrepareCommand(program2);
addJoinCommand(program2);
addPricingCommand(program2);
addEmulatorCommand(program2);
await program2.parseAsync();
