#pragma once
// A phone number's type, as libphonenumber's GetNumberType tells it (its PhoneNumberType, in its order;
// the values are the module ABI's GOMO_EXT_PHONE_TYPE_*). Its own header: contacts/phone.h shares it
// without the module's.

namespace gomo::ext {

enum class PhoneType {
  kFixedLine,
  kMobile,
  kFixedLineOrMobile,  // the region's fixed-line and mobile numbers look alike (US, CA, ...)
  kTollFree,
  kPremiumRate,
  kSharedCost,
  kVoip,
  kPersonalNumber,
  kPager,
  kUan,  // "universal access number": one number for a company's offices
  kVoicemail,
  kUnknown,  // not a valid number
};

inline constexpr int kPhoneTypeCount = static_cast<int>(PhoneType::kUnknown) + 1;

}  // namespace gomo::ext
